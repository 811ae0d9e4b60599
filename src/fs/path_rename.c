// rename(2) and the top half's half-relative forms (renameat with one
// AT_FDCWD side).  Both paths are held at once: __wasip2_relpath rotates
// two buffers.
#include <stdio.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int rename(const char *old, const char *new) {
  char *orel, *nrel;
  int ofd = __wasip2_relpath(old, &orel);
  int nfd = __wasip2_relpath(new, &nrel);
  return __wasilibc_nocwd_renameat(ofd, orel, nfd, nrel);
}

int __wasilibc_rename_oldat(int olddirfd, const char *old, const char *new) {
  char *nrel;
  int nfd = __wasip2_relpath(new, &nrel);
  return __wasilibc_nocwd_renameat(olddirfd, old, nfd, nrel);
}

int __wasilibc_rename_newat(const char *old, int newdirfd, const char *new) {
  char *orel;
  int ofd = __wasip2_relpath(old, &orel);
  return __wasilibc_nocwd_renameat(ofd, orel, newdirfd, new);
}
