// symlinkat(2).  Hosts refuse absolute targets (they would point out
// of the sandbox), so an absolute target inside the link's own preopen is
// stored as an equivalent relative one in a form readlink recognises and
// turns back into the absolute path (see __wasip2_symlink_encode); one in
// another preopen or outside all fails with EPERM, and so does a relative one
// that climbs out of the link's preopen.
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

// A relative target is followed by whoever reads the link (the host, or
// any program on it later) from the link's own directory.  Climbing above
// the link's preopen at any point leaves the sandbox on the host side even
// when the guest's names would lead back in (the host directory's parent is
// not the guest's), so such a target is EPERM, like an absolute one outside.
static int contained(const struct __wasip2_fs_at *at, const char *target) {
  const struct __wasip2_preopen *p = __wasip2_preopen_get(at->preopen);
  const char *r = at->abs + (p && p->len > 1 ? p->len : 0);
  long depth = -1; // the link's name is not a directory the target starts in
  for (; *r; r++)
    if (*r != '/' && (r == at->abs || r[-1] == '/')) depth++;
  if (depth < 0) depth = 0;
  for (const char *c = target; *c;) {
    size_t n = strcspn(c, "/");
    if (n == 2 && c[0] == '.' && c[1] == '.') {
      if (--depth < 0) { errno = EPERM; return -1; }
    } else if (n && !(n == 1 && c[0] == '.')) {
      depth++;
    }
    c += n;
    while (*c == '/') c++;
  }
  return 0;
}

int symlinkat(const char *target, int dirfd, const char *path) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  char rel[PATH_MAX];
  if (!target || !*target) { errno = ENOENT; return -1; }
  if (__wasip2_path_utf8(target, SIZE_MAX) < 0) return -1; // the target is a WASI string too
  if (__wasip2_fs_resolve_w(dirfd, path, &at) < 0) return -1;
  if (strcmp(at.rel, ".") == 0) { errno = EEXIST; return -1; }
  if (target[0] == '/') {
    if (__wasip2_symlink_encode(&at, target, rel) < 0) return -1;
    target = rel;
  } else if (contained(&at, target) < 0) {
    return -1;
  }
  wasip2_string_t t = { (char *)target, strlen(target) }, s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_symlink_at(at.handle, &t, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}
