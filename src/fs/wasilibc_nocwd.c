// Upstream's __wasilibc_nocwd_* calls (<wasi/libc-nocwd.h>), kept for
// programs written against that header: the *at functions themselves.
// Upstream's take a directory fd and a relative path; ours take any fd
// the *at functions take (AT_FDCWD included), and absolute paths too.
// Nothing in libc calls them (the path functions are AT_FDCWD wrappers
// over the *at functions).
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>

int __wasilibc_nocwd___wasilibc_unlinkat(int dirfd, const char *path) {
  return __wasilibc_unlinkat(dirfd, path);
}

int __wasilibc_nocwd___wasilibc_rmdirat(int dirfd, const char *path) {
  return __wasilibc_rmdirat(dirfd, path);
}

int __wasilibc_nocwd_linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags) {
  return linkat(olddirfd, old, newdirfd, new, flags);
}

int __wasilibc_nocwd_symlinkat(const char *target, int dirfd, const char *path) {
  return symlinkat(target, dirfd, path);
}

ssize_t __wasilibc_nocwd_readlinkat(int dirfd, const char *restrict path, char *restrict buf, size_t len) {
  return readlinkat(dirfd, path, buf, len);
}

int __wasilibc_nocwd_faccessat(int dirfd, const char *path, int mode, int flags) {
  return faccessat(dirfd, path, mode, flags);
}

int __wasilibc_nocwd_renameat(int olddirfd, const char *old, int newdirfd, const char *new) {
  return renameat(olddirfd, old, newdirfd, new);
}

int __wasilibc_nocwd_openat_nomode(int dirfd, const char *path, int oflag) {
  return openat(dirfd, path, oflag);
}

int __wasilibc_nocwd_fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags) {
  return fstatat(dirfd, path, st, flags);
}

int __wasilibc_nocwd_mkdirat_nomode(int dirfd, const char *path) {
  return mkdirat(dirfd, path, 0777);
}

int __wasilibc_nocwd_utimensat(int dirfd, const char *path, const struct timespec times[2], int flags) {
  return utimensat(dirfd, path, times, flags);
}

DIR *__wasilibc_nocwd_opendirat(int dirfd, const char *path) {
  return opendirat(dirfd, path);
}

int __wasilibc_nocwd_scandirat(int dirfd, const char *path, struct dirent ***list,
                               int (*filter)(const struct dirent *),
                               int (*compar)(const struct dirent **, const struct dirent **)) {
  return scandirat(dirfd, path, list, filter, compar);
}
