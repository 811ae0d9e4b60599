// write(2): dispatch to the description's kind.
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <unistd.h>
#include "wasip2_fd.h"

ssize_t write(int fd, const void *buf, size_t len) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if ((d->flags & O_ACCMODE) == O_RDONLY) { errno = EBADF; return -1; } // sockets are O_RDWR
  if (!d->ops->write) { errno = d->ops->io_errno ? d->ops->io_errno : EINVAL; return -1; }
  if (__wasip2_span(buf, &len) < 0) return -1;
  return d->ops->write(d, buf, len);
}
