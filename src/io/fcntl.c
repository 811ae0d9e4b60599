// fcntl(2) for every kind of fd.  Record locks (F_GETLK/F_SETLK/F_SETLKW):
// WASI 0.2 has no locking API and a component is the only process in its
// sandbox, so a valid lock always succeeds and F_GETLK always reports no
// conflicting lock (documented in docs/compatibility.md).  As on Linux they
// apply to every kind of fd (files, directories, pipes, sockets...): only
// the request and the fd's access mode are checked, so no kind is asked.
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include "wasip2_fd.h"

#define SETTABLE (O_APPEND | O_NONBLOCK)

#ifdef F_GETLK
// Linux's checks (fs/locks.c): the range, then the type against the access
// mode (a read lock needs a readable fd, a write lock a writable one).
static int lock(struct __wasip2_desc *d, int cmd, struct flock *fl) {
  if (!fl) { errno = EFAULT; return -1; }
  int t = fl->l_type;
  int bad_type = t != F_RDLCK && t != F_WRLCK && (cmd == F_GETLK || t != F_UNLCK);
  int bad_whence = fl->l_whence != SEEK_SET && fl->l_whence != SEEK_CUR && fl->l_whence != SEEK_END;
  if (bad_type || bad_whence || (fl->l_whence == SEEK_SET && fl->l_start < 0)) { errno = EINVAL; return -1; }
  if (cmd == F_GETLK) { fl->l_type = F_UNLCK; return 0; }
  // O_RDONLY is a bit of its own here: readable unless opened O_WRONLY only
  int readable = (d->flags & O_RDONLY) || !(d->flags & O_WRONLY);
  if ((t == F_RDLCK && !readable) || (t == F_WRLCK && !(d->flags & O_WRONLY))) { errno = EBADF; return -1; }
  return 0;
}
#endif

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
    case F_GETLK: case F_SETLK: case F_SETLKW: return lock(d, cmd, (struct flock *)arg);
#endif
    default: errno = EINVAL; return -1;
  }
}
