// lseek(2): only positioned kinds (files) can seek; pipes, stdio and
// sockets answer ESPIPE.  __lseek is the name the top half's stdio calls.
#include <errno.h>
#include <unistd.h>
#include "wasip2_fd.h"
#include "wasip2_top.h"

off_t __lseek(int fd, off_t off, int whence) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!d->ops->seek) { errno = ESPIPE; return -1; }
  if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) { errno = EINVAL; return -1; }
  return d->ops->seek(d, off, whence);
}

// unistd.h turns lseek(fd, 0, SEEK_CUR) into __wasilibc_tell(fd).
off_t (lseek)(int fd, off_t off, int whence) __attribute__((weak, alias("__lseek")));

off_t __wasilibc_tell(int fd) {
  return __lseek(fd, 0, SEEK_CUR);
}
