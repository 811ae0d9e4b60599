// link(2), symlink(2) and upstream's cwd-relative linkat forms
// (__wasilibc_link*): linkat/symlinkat at the cwd.  linkat resolves each
// (dirfd, path) pair into storage of its own.
#include <fcntl.h>
#include <unistd.h>
#include <wasi/libc.h>

int __wasilibc_link(const char *old, const char *new, int flags) {
  return linkat(AT_FDCWD, old, AT_FDCWD, new, flags);
}

int __wasilibc_link_oldat(int olddirfd, const char *old, const char *new, int flags) {
  return linkat(olddirfd, old, AT_FDCWD, new, flags);
}

int __wasilibc_link_newat(const char *old, int newdirfd, const char *new, int flags) {
  return linkat(AT_FDCWD, old, newdirfd, new, flags);
}

int link(const char *old, const char *new) {
  return linkat(AT_FDCWD, old, AT_FDCWD, new, 0);
}

int symlink(const char *target, const char *linkpath) {
  return symlinkat(target, AT_FDCWD, linkpath);
}
