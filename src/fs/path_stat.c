// stat(2), lstat and upstream's __wasilibc_stat: fstatat at the cwd.
#include <fcntl.h>
#include <sys/stat.h>
#include <wasi/libc.h>

int __wasilibc_stat(const char *restrict path, struct stat *restrict st, int flags) {
  return fstatat(AT_FDCWD, path, st, flags);
}

int stat(const char *restrict path, struct stat *restrict st) {
  return fstatat(AT_FDCWD, path, st, 0);
}

int lstat(const char *restrict path, struct stat *restrict st) {
  return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}
