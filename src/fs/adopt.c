// <wasi/descriptors.h>: an fd that adopts a wasi:filesystem descriptor made
// elsewhere (owned by libc from then on), named by its absolute guest path.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <wasi/descriptors.h>
#include "wasip2_fs.h"

int wasip2_fd_adopt_descriptor(int32_t h, int oflags, const char *path) {
  char abs[PATH_MAX];
  int trailing;
  const char *rest;
  wasi_filesystem_types_descriptor_type_t t;
  wasi_filesystem_types_error_code_t err;
  int e = 0;
  if (!h) e = EINVAL;
  else if (!path) e = EFAULT;
  else if (path[0] != '/') e = EINVAL;
  else if (__wasip2_path_normalize("/", path, abs, &trailing) < 0) e = errno;
  else if (!wasi_filesystem_types_descriptor_get_type(h, &t, &err)) e = __wasip2_fs_errno(err);
  if (e) {
    if (h) wasi_filesystem_types_descriptor_drop(h);
    errno = e;
    return -1;
  }
  int pre = __wasip2_preopen_match(abs, &rest); // -1 when no preopen holds it
  int is_dir = t == WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY;
  return __wasip2_fs_install(h, pre, abs, oflags & (O_ACCMODE | O_APPEND), is_dir);
}
