// The *at functions: AT_FDCWD or an absolute path goes to the one-path
// POSIX call (the top half's posix.o, which asks __wasilibc_find_relpath),
// anything else to our __wasilibc_nocwd_* call with the directory fd.
//
// Replaces Debian's at_fdcwd.o for the two-path calls: it sent
// linkat(AT_FDCWD, a, AT_FDCWD, b) to posix.o's __wasilibc_link, which
// resolves both paths into one static buffer, so the link-at got the new
// name twice (ENOENT).  linkat and renameat go straight to our own
// functions, which resolve each (dirfd, path) pair through the resolver into
// storage of its own, whatever the fds.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>

static int cwd_form(int dirfd, const char *path) {
  return dirfd == AT_FDCWD || (path && path[0] == '/');
}

int openat(int dirfd, const char *path, int oflags, ...) {
  // WASI has no modes: the mode argument is never read
  if (cwd_form(dirfd, path)) return open(path, oflags);
  return __wasilibc_nocwd_openat_nomode(dirfd, path, oflags);
}

int symlinkat(const char *target, int dirfd, const char *path) {
  if (cwd_form(dirfd, path)) return symlink(target, path);
  return __wasilibc_nocwd_symlinkat(target, dirfd, path);
}

ssize_t readlinkat(int dirfd, const char *__restrict path, char *__restrict buf, size_t size) {
  if (cwd_form(dirfd, path)) return readlink(path, buf, size);
  return __wasilibc_nocwd_readlinkat(dirfd, path, buf, size);
}

int mkdirat(int dirfd, const char *path, mode_t mode) {
  if (cwd_form(dirfd, path)) return mkdir(path, mode);
  return __wasilibc_nocwd_mkdirat_nomode(dirfd, path);
}

DIR *opendirat(int dirfd, const char *path) {
  if (cwd_form(dirfd, path)) return opendir(path);
  return __wasilibc_nocwd_opendirat(dirfd, path);
}

int scandirat(int dirfd, const char *path, struct dirent ***namelist,
              int (*filter)(const struct dirent *),
              int (*compar)(const struct dirent **, const struct dirent **)) {
  if (cwd_form(dirfd, path)) return scandir(path, namelist, filter, compar);
  return __wasilibc_nocwd_scandirat(dirfd, path, namelist, filter, compar);
}

int faccessat(int dirfd, const char *path, int mode, int flags) {
  if (cwd_form(dirfd, path)) return __wasilibc_access(path, mode, flags);
  return __wasilibc_nocwd_faccessat(dirfd, path, mode, flags);
}

int fstatat(int dirfd, const char *__restrict path, struct stat *__restrict st, int flags) {
  if (cwd_form(dirfd, path)) return __wasilibc_stat(path, st, flags);
  return __wasilibc_nocwd_fstatat(dirfd, path, st, flags);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags) {
  if (cwd_form(dirfd, path)) return __wasilibc_utimens(path, times, flags);
  return __wasilibc_nocwd_utimensat(dirfd, path, times, flags);
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags) {
  return __wasilibc_nocwd_linkat(olddirfd, oldpath, newdirfd, newpath, flags);
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
  return __wasilibc_nocwd_renameat(olddirfd, oldpath, newdirfd, newpath);
}

int __wasilibc_unlinkat(int dirfd, const char *path) {
  if (cwd_form(dirfd, path)) return unlink(path);
  return __wasilibc_nocwd___wasilibc_unlinkat(dirfd, path);
}

int __wasilibc_rmdirat(int dirfd, const char *path) {
  if (cwd_form(dirfd, path)) return rmdir(path);
  return __wasilibc_nocwd___wasilibc_rmdirat(dirfd, path);
}
