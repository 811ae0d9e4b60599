// fsync/fdatasync: descriptor.sync / sync-data.  Only files and
// directories have anything to flush (EINVAL for other kinds, as Linux
// says for pipes and sockets).
#include <errno.h>
#include <unistd.h>
#include "wasip2_fs.h"

int fsync(int fd) {
  struct __wasip2_fs_file *f = __wasip2_fs_file_get(fd, EINVAL, NULL);
  wasi_filesystem_types_error_code_t err;
  if (!f) return -1;
  if (!wasi_filesystem_types_descriptor_sync(f->handle, &err)) return __wasip2_fs_fail(err);
  return 0;
}

int fdatasync(int fd) {
  struct __wasip2_fs_file *f = __wasip2_fs_file_get(fd, EINVAL, NULL);
  wasi_filesystem_types_error_code_t err;
  if (!f) return -1;
  if (!wasi_filesystem_types_descriptor_sync_data(f->handle, &err)) return __wasip2_fs_fail(err);
  return 0;
}
