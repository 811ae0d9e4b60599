// linkat(2): one link-at; AT_SYMLINK_FOLLOW decides whether a symlink
// source is followed (POSIX link() does not follow, like Linux).
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags) {
  if (flags & ~AT_SYMLINK_FOLLOW) { errno = EINVAL; return -1; }
  struct __wasip2_fs_at *a = __wasip2_fs_resolve2(olddirfd, oldpath, newdirfd, newpath);
  if (!a) return -1;
  int r = -1;
  if (strcmp(a[0].rel, ".") == 0) {
    errno = EPERM; // a directory cannot be hard-linked
  } else if (strcmp(a[1].rel, ".") == 0) {
    errno = EEXIST;
  } else {
    wasip2_string_t o = { (char *)a[0].rel, strlen(a[0].rel) }, n = { (char *)a[1].rel, strlen(a[1].rel) };
    wasi_filesystem_types_error_code_t err;
    wasi_filesystem_types_path_flags_t pf = (flags & AT_SYMLINK_FOLLOW) ? WASI_FILESYSTEM_TYPES_PATH_FLAGS_SYMLINK_FOLLOW : 0;
    bool ok = wasi_filesystem_types_descriptor_link_at(a[0].handle, pf, &o, a[1].handle, &n, &err);
    r = ok ? 0 : __wasip2_fs_fail(err);
  }
  free(a);
  return r;
}
