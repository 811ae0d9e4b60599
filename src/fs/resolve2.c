// Both paths of a two-path call (linkat, renameat), resolved as the *at
// functions resolve one: 16 KiB, so on the heap (the smallest stack the
// linker gives is 64 KiB), and per call, so the two never share a buffer.
#include <errno.h>
#include <stdlib.h>
#include "wasip2_fs.h"

struct __wasip2_fs_at *__wasip2_fs_resolve2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
  struct __wasip2_fs_at *a = malloc(2 * sizeof *a);
  if (!a) { errno = ENOMEM; return NULL; }
  if (__wasip2_fs_resolve_w(olddirfd, oldpath, &a[0]) == 0 && __wasip2_fs_resolve_w(newdirfd, newpath, &a[1]) == 0)
    return a;
  int e = errno;
  free(a);
  errno = e;
  return NULL;
}
