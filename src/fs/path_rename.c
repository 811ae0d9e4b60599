// rename(2) and upstream's half-relative forms (__wasilibc_rename_*):
// renameat at the cwd.  renameat resolves each (dirfd, path) pair into
// storage of its own.
#include <fcntl.h>
#include <stdio.h>
#include <wasi/libc.h>

int rename(const char *old, const char *new) {
  return renameat(AT_FDCWD, old, AT_FDCWD, new);
}

int __wasilibc_rename_oldat(int olddirfd, const char *old, const char *new) {
  return renameat(olddirfd, old, AT_FDCWD, new);
}

int __wasilibc_rename_newat(const char *old, int newdirfd, const char *new) {
  return renameat(AT_FDCWD, old, newdirfd, new);
}
