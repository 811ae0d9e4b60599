// ftruncate (truncate is the top half's, over this): set-size.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "wasip2_fs.h"

int ftruncate(int fd, off_t length) {
  struct __wasip2_desc *d;
  struct __wasip2_fs_file *f = __wasip2_fs_file_get(fd, EINVAL, &d);
  if (!f) return -1;
  if (length < 0 || !(d->flags & O_WRONLY)) { errno = EINVAL; return -1; }
  if (f->is_dir == 1) { errno = EISDIR; return -1; }
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_set_size(f->handle, length, &err)) return __wasip2_fs_fail(err);
  return 0;
}
