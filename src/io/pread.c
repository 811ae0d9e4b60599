// pread/pwrite and their vector forms: only kinds with a position (files)
// support them; everything else is ESPIPE as on Linux.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "wasip2_fd.h"

// Linux's order: a negative offset before the fd, the fd's kind and mode,
// then the buffer, then an offset + length past the largest off_t.
static struct __wasip2_desc *positional(int fd, off_t off, int writing) {
  if (off < 0) { errno = EINVAL; return NULL; }
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return NULL;
  if (writing ? (d->flags & O_ACCMODE) == O_RDONLY : (d->flags & O_ACCMODE) == O_WRONLY) { errno = EBADF; return NULL; }
  if (writing ? !d->ops->pwrite : !d->ops->pread) { errno = d->ops->io_errno ? d->ops->io_errno : ESPIPE; return NULL; }
  return d;
}

static int span_at(const void *buf, size_t *len, off_t off) {
  if (__wasip2_span(buf, len) < 0) return -1;
  if (*len > (uint64_t)INT64_MAX - (uint64_t)off) { errno = EINVAL; return -1; }
  return 0;
}

ssize_t pread(int fd, void *buf, size_t len, off_t off) {
  struct __wasip2_desc *d = positional(fd, off, 0);
  if (!d || span_at(buf, &len, off) < 0) return -1;
  return d->ops->pread(d, buf, len, off);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off) {
  struct __wasip2_desc *d = positional(fd, off, 1);
  if (!d || span_at(buf, &len, off) < 0) return -1;
  return d->ops->pwrite(d, buf, len, off);
}

ssize_t preadv(int fd, const struct iovec *iov, int n, off_t off) {
  struct __wasip2_desc *d = positional(fd, off, 0);
  return d ? __wasip2_iov_bounce(d, iov, n, off, 0) : -1;
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t off) {
  struct __wasip2_desc *d = positional(fd, off, 1);
  return d ? __wasip2_iov_bounce(d, iov, n, off, 1) : -1;
}
