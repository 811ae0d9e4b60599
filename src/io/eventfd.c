// eventfd(2): a 64-bit counter in libc.  write adds to it, read takes it
// all (or 1 with EFD_SEMAPHORE) and leaves it zero; a read of zero, or a
// write that would pass 2^64-2, blocks or fails with EAGAIN.  It is the
// wake-up object of event loops (poll/epoll see POLLIN while the counter is
// nonzero, POLLOUT while one more can be added) and never calls the host.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "wasip2_fd.h"

#define EFD_MAX UINT64_C(0xfffffffffffffffe)

struct efd {
  uint64_t count;
  int semaphore;
};

static ssize_t efd_read(struct __wasip2_desc *d, void *buf, size_t len) {
  struct efd *e = d->impl;
  if (len < sizeof(uint64_t)) { errno = EINVAL; return -1; }
  if (!buf) { errno = EFAULT; return -1; }
  while (e->count == 0) {
    if (d->flags & O_NONBLOCK) { errno = EAGAIN; return -1; }
    if (__wasip2_inproc_wait(e, -1) < 0 && e->count == 0) return -1;
  }
  uint64_t v = e->semaphore ? 1 : e->count;
  e->count -= v;
  __wasip2_inproc_wake(e);  // a writer waiting for room (another thread)
  memcpy(buf, &v, sizeof v);
  return sizeof v;
}

static ssize_t efd_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  struct efd *e = d->impl;
  uint64_t v;
  if (len < sizeof v) { errno = EINVAL; return -1; }
  if (!buf) { errno = EFAULT; return -1; }
  memcpy(&v, buf, sizeof v);
  if (v == UINT64_MAX) { errno = EINVAL; return -1; }
  while (EFD_MAX - e->count < v) {
    if (d->flags & O_NONBLOCK) { errno = EAGAIN; return -1; }
    if (__wasip2_inproc_wait(e, -1) < 0 && EFD_MAX - e->count < v) return -1;
  }
  e->count += v;
  __wasip2_inproc_wake(e);
  return sizeof v;
}

static short efd_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)ctx;
  struct efd *e = d->impl;
  short r = 0;
  if (e->count) r |= POLLIN | POLLRDNORM;
  if (e->count < EFD_MAX) r |= POLLOUT | POLLWRNORM;
  return r & events;
}

static int efd_fstat(struct __wasip2_desc *d, struct stat *st) {
  // Linux: an anonymous inode, mode 0600 without a file type
  memset(st, 0, sizeof *st);
  st->st_mode = 0600;
  st->st_nlink = 1;
  st->st_ino = (ino_t)(uintptr_t)d->impl;
  st->st_blksize = 4096;
  return 0;
}

static int efd_close(struct __wasip2_desc *d) {
  free(d->impl);
  d->impl = NULL;
  return 0;
}

static const struct __wasip2_ops efd_ops = {
  .read = efd_read,
  .write = efd_write,
  .fstat = efd_fstat,
  .close = efd_close,
  .poll = efd_poll,
};

int eventfd(unsigned int initval, int flags) {
  if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK)) { errno = EINVAL; return -1; }
  struct efd *e = calloc(1, sizeof *e);
  struct __wasip2_desc *d = e ? __wasip2_desc_new(WASIP2_KIND_EVENTFD, &efd_ops, O_RDWR | (flags & EFD_NONBLOCK), e) : NULL;
  if (!d) { free(e); errno = ENOMEM; return -1; }
  e->count = initval;
  e->semaphore = flags & EFD_SEMAPHORE;
  int fd = __wasip2_fd_install(d, 0);
  if (fd < 0) { free(e); free(d); return -1; }
  if (flags & EFD_CLOEXEC) __wasip2_fd_setfdflags(fd, WASIP2_FD_CLOEXEC);
  return fd;
}

int eventfd_read(int fd, eventfd_t *value) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!d->ops->read) { errno = EINVAL; return -1; }
  return d->ops->read(d, value, sizeof *value) == sizeof *value ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!d->ops->write) { errno = EINVAL; return -1; }
  return d->ops->write(d, &value, sizeof value) == sizeof value ? 0 : -1;
}
