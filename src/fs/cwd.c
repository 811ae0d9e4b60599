// The current directory: its state and getcwd (chdir itself is
// src/fs/chdir.c, so a program that never calls it links no stat).  The
// cwd is one normalised absolute guest path; every relative path is joined
// to it by the same resolver as everything else (path.c), so "" is ENOENT
// and ".." never climbs above "/".  It starts at "/" and moves to the
// host's initial directory when the preopens load (preopens.c).
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

static char root[] = "/";
char *__wasilibc_cwd = root;

const char *__wasip2_cwd(void) {
  __wasip2_preopen_count();
  return __wasilibc_cwd;
}

int __wasip2_cwd_set(const char *abs) {
  char *copy = __wasip2_strdup(abs);
  if (!copy) { errno = ENOMEM; return -1; }
  if (__wasilibc_cwd != root) __wasip2_free(__wasilibc_cwd);
  __wasilibc_cwd = copy;
  return 0;
}

char *getcwd(char *buf, size_t size) {
  const char *cwd = __wasip2_cwd();
  size_t n = strlen(cwd) + 1;
  if (!buf) {
    // as glibc and musl: a NULL buffer is allocated, of `size` or just enough
    if (size && size < n) { errno = ERANGE; return NULL; }
    buf = __wasip2_malloc(size ? size : n);
    if (!buf) { errno = ENOMEM; return NULL; }
  } else if (size == 0) {
    errno = EINVAL;
    return NULL;
  } else if (size < n) {
    errno = ERANGE;
    return NULL;
  } else if (__wasip2_span(buf, &n) < 0) {
    return NULL;
  }
  memcpy(buf, cwd, n);
  return buf;
}
