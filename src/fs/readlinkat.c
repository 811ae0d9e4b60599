// readlinkat(2): readlink-at, truncated to the caller's buffer like
// POSIX (no terminating NUL); absolute targets decoded back.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

ssize_t readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t bufsize) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  if (bufsize == 0) { errno = EINVAL; return -1; }
  // the host's answer lands in buf: it must be the program's memory
  if (__wasip2_span(buf, &bufsize) < 0) return -1;
  if (__wasip2_fs_resolve(dirfd, path, &at) < 0) return -1;
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) }, target;
  wasi_filesystem_types_error_code_t err;
  // the host's answer lands in buf when it fits
  __wasip2_land_begin(buf, bufsize);
  bool ok = wasi_filesystem_types_descriptor_readlink_at(at.handle, &s, &target, &err);
  int landed = __wasip2_land_end();
  if (!ok) return __wasip2_fs_fail(err);
  // an absolute target stored in relative form (src/fs/symlink_target.c)
  // comes back as the absolute path it was given as
  static char abs[PATH_MAX];
  ssize_t alen = __wasip2_symlink_decode(&at, target.ptr, target.len, abs);
  size_t len = alen >= 0 ? (size_t)alen : target.len;
  size_t n = len < bufsize ? len : bufsize;
  if (alen >= 0) memcpy(buf, abs, n);
  else if (!landed) memcpy(buf, target.ptr, n);
  if (!landed && target.len) free(target.ptr);
  return n;
}
