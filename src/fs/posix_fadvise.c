// posix_fadvise / posix_fallocate (both return the error number).
// fadvise only checks its arguments: advice may be ignored, and the Node
// host's advise needs a native add-on whose absence would trap instead of
// failing.  fallocate grows the file with set-size when the range ends
// past it (WASI 0.2 cannot reserve blocks; the size, which is what a
// program can observe, is right): 1 or 2 host calls.
#include <errno.h>
#include <fcntl.h>
#include "wasip2_fs.h"

int posix_fadvise(int fd, off_t offset, off_t len, int advice) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return EBADF;
  if (d->ops != &__wasip2_fs_ops) return ESPIPE;
  if (len < 0 || advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE) return EINVAL;
  (void)offset;
  return 0;
}

int posix_fallocate(int fd, off_t offset, off_t len) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return EBADF;
  if (offset < 0 || len <= 0) return EINVAL;
  if (d->ops != &__wasip2_fs_ops) return ESPIPE;
  if (!(d->flags & O_WRONLY)) return EBADF;
  struct __wasip2_fs_file *f = d->impl;
  if (f->is_dir == 1) return ENODEV;
  wasi_filesystem_types_descriptor_stat_t s;
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_stat(f->handle, &s, &err)) return __wasip2_fs_errno(err);
  if (s.type != WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_REGULAR_FILE) return ENODEV;
  if ((uint64_t)offset + (uint64_t)len > s.size &&
      !wasi_filesystem_types_descriptor_set_size(f->handle, (uint64_t)offset + (uint64_t)len, &err))
    return __wasip2_fs_errno(err);
  return 0;
}
