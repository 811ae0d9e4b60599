// renameat(2): one rename-at between the two resolved places.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "wasip2_fs.h"

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
  struct __wasip2_fs_at *a = __wasip2_fs_resolve2(olddirfd, oldpath, newdirfd, newpath);
  if (!a) return -1;
  int r = -1;
  if (strcmp(a[0].rel, ".") == 0 || strcmp(a[1].rel, ".") == 0) {
    errno = EBUSY;
  } else {
    wasip2_string_t o = { (char *)a[0].rel, strlen(a[0].rel) }, n = { (char *)a[1].rel, strlen(a[1].rel) };
    wasi_filesystem_types_error_code_t err;
    bool ok = wasi_filesystem_types_descriptor_rename_at(a[0].handle, &o, a[1].handle, &n, &err);
    r = ok ? 0 : __wasip2_fs_fail(err);
  }
  free(a);
  return r;
}
