// readv(2): the kind's vector op when it has one (sockets scatter
// themselves), else one bounced read (src/io/iovec.c).
#include <errno.h>
#include <fcntl.h>
#include <sys/uio.h>
#include "wasip2_fd.h"

// fd 0's read path lives in stdin_read.c; referencing it here links it
// into every program that can read (stdio.c only refers to it weakly).
__attribute__((used)) static ssize_t (*const pull_stdin_read)(int32_t, void *, size_t, int) = __wasip2_stdin_read;

ssize_t readv(int fd, const struct iovec *iov, int n) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if ((d->flags & O_ACCMODE) == O_WRONLY) { errno = EBADF; return -1; }
  if (d->ops->readv) return __wasip2_iov_total(iov, n) < 0 ? -1 : d->ops->readv(d, iov, n);
  if (!d->ops->read) { errno = d->ops->io_errno ? d->ops->io_errno : EINVAL; return -1; }
  return __wasip2_iov_bounce(d, iov, n, -1, 0);
}
