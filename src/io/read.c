// read(2): dispatch to the description's kind.
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <unistd.h>
#include "wasip2_fd.h"

// fd 0's read path lives in stdin_read.c; referencing it here links it
// into every program that can read (stdio.c only refers to it weakly).
__attribute__((used)) static ssize_t (*const pull_stdin_read)(int32_t, void *, size_t, int) = __wasip2_stdin_read;

ssize_t read(int fd, void *buf, size_t len) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if ((d->flags & O_ACCMODE) == O_WRONLY) { errno = EBADF; return -1; }
  if (!d->ops->read) { errno = d->ops->io_errno ? d->ops->io_errno : EINVAL; return -1; }
  if (__wasip2_span(buf, &len) < 0) return -1;
  return d->ops->read(d, buf, len);
}
