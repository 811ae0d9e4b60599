// ioctl(2): FIONBIO for every kind; the rest is the kind's business
// (FIONREAD on sockets), else ENOTTY.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include "wasip2_fd.h"

int ioctl(int fd, int req, ...) {
  va_list ap;
  va_start(ap, req);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (req == FIONBIO) {
    if (!arg) { errno = EFAULT; return -1; }
    int old = d->flags;
    if (*(int *)arg) d->flags |= O_NONBLOCK; else d->flags &= ~O_NONBLOCK;
    if (d->ops->setfl && d->ops->setfl(d, old) < 0) { d->flags = old; return -1; }
    return 0;
  }
  if (d->ops->ioctl) return d->ops->ioctl(d, req, arg);
  errno = ENOTTY;
  return -1;
}
