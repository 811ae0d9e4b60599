// symlink/symlinkat.  Hosts refuse absolute targets (they would point out
// of the sandbox), so an absolute target inside the link's own preopen is
// rewritten as the equivalent relative one ("/data/a" from "/data/d/l"
// becomes "../a"); one in another preopen or outside all fails with EPERM.
#include <errno.h>
#include <string.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

static int relative_target(const struct __wasip2_fs_at *at, const char *target, char out[PATH_MAX]) {
  char abs[PATH_MAX];
  int trailing;
  const char *rest;
  if (__wasip2_path_normalize(NULL, target, abs, &trailing) < 0) return -1;
  if (__wasip2_preopen_match(abs, &rest) != at->preopen) { errno = EPERM; return -1; }
  // P = the link's parent directory, T = the target: climb from P to
  // their deepest common directory, then descend into T
  const char *P = at->abs, *T = abs;
  size_t plen = strrchr(P, '/') - P, j = 0, common = 0;
  while (j < plen && P[j] == T[j]) {
    if (P[j] == '/') common = j;
    j++;
  }
  if (j == plen && (T[j] == '/' || T[j] == 0)) common = j;
  size_t n = 0;
  for (size_t i = common; i < plen; i++) {
    if (P[i] != '/') continue;
    if (n + 3 >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
    memcpy(out + n, "../", 3);
    n += 3;
  }
  const char *tail = T + common;
  while (*tail == '/') tail++;
  size_t t = strlen(tail);
  if (n + t + 2 >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
  memcpy(out + n, tail, t);
  n += t;
  if (n == 0) out[n++] = '.';
  out[n] = 0;
  return 0;
}

int __wasilibc_nocwd_symlinkat(const char *target, int dirfd, const char *path) {
  static struct __wasip2_fs_at at; // PATH_MAX twice: kept off the small stack
  char rel[PATH_MAX];
  if (!target || !*target) { errno = ENOENT; return -1; }
  if (__wasip2_path_utf8(target, SIZE_MAX) < 0) return -1; // the target is a WASI string too
  if (__wasip2_fs_resolve(dirfd, path, &at) < 0) return -1;
  if (strcmp(at.rel, ".") == 0) { errno = EEXIST; return -1; }
  if (target[0] == '/') {
    if (relative_target(&at, target, rel) < 0) return -1;
    target = rel;
  }
  wasip2_string_t t = { (char *)target, strlen(target) }, s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_symlink_at(at.handle, &t, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}
