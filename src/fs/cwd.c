// The current directory: its state, getcwd and the top half's path hook
// (chdir itself is src/fs/chdir.c, so a program that never calls it links
// no stat).  The cwd is one normalised absolute guest path; every relative
// path is joined to it by the same resolver as everything else (path.c), so
// "" is ENOENT and ".." never climbs above "/".  It starts at "/" and moves
// to the host's initial directory when the preopens load (preopens.c).
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/libc-find-relpath.h>
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

// posix.o prefers this form when it is linked (it keeps the relative path
// in a buffer of its own, which it may realloc later): same answer as
// __wasilibc_find_relpath, copied into that buffer.
int __wasilibc_find_relpath_alloc(const char *path, const char **abs_prefix, char **relative_buf,
                                  size_t *relative_buf_len, int can_realloc) {
  char *rel;
  int fd = __wasilibc_find_relpath(path, abs_prefix, &rel, 0);
  size_t n = strlen(rel) + 1;
  if (*relative_buf_len < n) {
    if (!can_realloc) { errno = ERANGE; return -1; }
    char *p = __wasip2_realloc(*relative_buf, n);
    if (!p) { errno = ENOMEM; return -1; }
    *relative_buf = p;
    *relative_buf_len = n;
  }
  memcpy(*relative_buf, rel, n);
  return fd;
}
