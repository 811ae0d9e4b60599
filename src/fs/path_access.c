// access(2) and __wasilibc_access (faccessat with AT_FDCWD).
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int __wasilibc_access(const char *path, int mode, int flags) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_faccessat(dirfd, rel, mode, flags);
}

int access(const char *path, int mode) {
  return __wasilibc_access(path, mode, 0);
}
