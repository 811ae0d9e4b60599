// fcntl(2) for every kind of fd.  Record locks (F_GETLK/F_SETLK/F_SETLKW):
// WASI 0.2 has no locking API and a component is the only process in its
// sandbox, so a lock always succeeds and F_GETLK always reports no
// conflicting lock (documented in docs/compatibility.md).
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include "wasip2_fd.h"

#define SETTABLE (O_APPEND | O_NONBLOCK)

int fcntl(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  long arg = va_arg(ap, long);
  va_end(ap);
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  switch (cmd) {
    case F_GETFD: return __wasip2_fd_getfdflags(fd);
    case F_SETFD: return __wasip2_fd_setfdflags(fd, (int)arg & FD_CLOEXEC);
    case F_GETFL: return d->flags;
    case F_SETFL: {
      int old = d->flags;
      d->flags = (old & ~SETTABLE) | ((int)arg & SETTABLE);
      if (d->ops->setfl && d->ops->setfl(d, old) < 0) { d->flags = old; return -1; }
      return 0;
    }
    case F_DUPFD: case F_DUPFD_CLOEXEC: {
      int nfd = __wasip2_fd_install(d, (int)arg);
      if (nfd >= 0 && cmd == F_DUPFD_CLOEXEC) __wasip2_fd_setfdflags(nfd, FD_CLOEXEC);
      return nfd;
    }
#ifdef F_GETLK
    case F_GETLK: case F_SETLK: case F_SETLKW: {
      struct flock *fl = (struct flock *)arg;
      if (d->kind != WASIP2_KIND_FILE) { errno = EINVAL; return -1; }
      if (!fl) { errno = EFAULT; return -1; }
      if (cmd == F_GETLK) fl->l_type = F_UNLCK;
      return 0;
    }
#endif
    default: errno = EINVAL; return -1;
  }
}
