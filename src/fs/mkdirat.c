// mkdirat(2): create-directory-at (WASI has no modes: the mode is ignored).
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "wasip2_fs.h"

int mkdirat(int dirfd, const char *path, mode_t mode) {
  (void)mode;
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  if (__wasip2_fs_resolve_w(dirfd, path, &at) < 0) return -1;
  // a preopen's root always exists
  if (strcmp(at.rel, ".") == 0) { errno = EEXIST; return -1; }
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_create_directory_at(at.handle, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}
