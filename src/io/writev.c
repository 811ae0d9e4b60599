// writev(2): the kind's vector op when it has one (sockets gather
// themselves), else one bounced write (src/io/iovec.c), so the whole vector
// goes out in one host call, as atomically as POSIX gives writev.
#include <errno.h>
#include <fcntl.h>
#include <sys/uio.h>
#include "wasip2_fd.h"

ssize_t writev(int fd, const struct iovec *iov, int n) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if ((d->flags & O_ACCMODE) == O_RDONLY) { errno = EBADF; return -1; } // sockets are O_RDWR
  if (d->ops->writev) return __wasip2_iov_total(iov, n) < 0 ? -1 : d->ops->writev(d, iov, n);
  if (!d->ops->write) { errno = d->ops->io_errno ? d->ops->io_errno : EINVAL; return -1; }
  return __wasip2_iov_bounce(d, iov, n, -1, 1);
}
