// symlink/symlinkat.  Hosts refuse absolute targets (they would point out
// of the sandbox), so an absolute target inside the link's own preopen is
// stored as an equivalent relative one in a form readlink recognises and
// turns back into the absolute path (see __wasip2_symlink_encode); one in
// another preopen or outside all fails with EPERM.
#include <errno.h>
#include <string.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int __wasilibc_nocwd_symlinkat(const char *target, int dirfd, const char *path) {
  static struct __wasip2_fs_at at; // PATH_MAX twice: kept off the small stack
  char rel[PATH_MAX];
  if (!target || !*target) { errno = ENOENT; return -1; }
  if (__wasip2_path_utf8(target, SIZE_MAX) < 0) return -1; // the target is a WASI string too
  if (__wasip2_fs_resolve(dirfd, path, &at) < 0) return -1;
  if (strcmp(at.rel, ".") == 0) { errno = EEXIST; return -1; }
  if (target[0] == '/') {
    if (__wasip2_symlink_encode(&at, target, rel) < 0) return -1;
    target = rel;
  }
  wasip2_string_t t = { (char *)target, strlen(target) }, s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_symlink_at(at.handle, &t, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}
