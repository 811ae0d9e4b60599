// stat(2), lstat and __wasilibc_stat (fstatat with AT_FDCWD).
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int __wasilibc_stat(const char *restrict path, struct stat *restrict st, int flags) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_fstatat(dirfd, rel, st, flags);
}

int stat(const char *restrict path, struct stat *restrict st) {
  return __wasilibc_stat(path, st, 0);
}

int lstat(const char *restrict path, struct stat *restrict st) {
  return __wasilibc_stat(path, st, AT_SYMLINK_NOFOLLOW);
}
