// link(2), symlink(2) and the top half's cwd-relative linkat forms.
// Two-path calls hold both results at once (__wasip2_relpath rotates two
// buffers).
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int __wasilibc_link(const char *old, const char *new, int flags) {
  char *orel, *nrel;
  int ofd = __wasip2_relpath(old, &orel);
  int nfd = __wasip2_relpath(new, &nrel);
  return __wasilibc_nocwd_linkat(ofd, orel, nfd, nrel, flags);
}

int __wasilibc_link_oldat(int olddirfd, const char *old, const char *new, int flags) {
  char *nrel;
  int nfd = __wasip2_relpath(new, &nrel);
  return __wasilibc_nocwd_linkat(olddirfd, old, nfd, nrel, flags);
}

int __wasilibc_link_newat(const char *old, int newdirfd, const char *new, int flags) {
  char *orel;
  int ofd = __wasip2_relpath(old, &orel);
  return __wasilibc_nocwd_linkat(ofd, orel, newdirfd, new, flags);
}

int link(const char *old, const char *new) {
  return __wasilibc_link(old, new, 0);
}

int symlink(const char *target, const char *linkpath) {
  char *rel;
  int dirfd = __wasip2_relpath(linkpath, &rel);
  return __wasilibc_nocwd_symlinkat(target, dirfd, rel);
}
