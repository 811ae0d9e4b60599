// lockf(3): the POSIX section lock over fcntl record locks, as Linux's C
// libraries build it: F_LOCK/F_TLOCK take a write lock on [offset, offset+len)
// (len 0 = to end of file), F_ULOCK drops it, F_TEST asks whether someone
// else holds one.  Our fcntl locks (src/io/fcntl.c) always succeed on a
// valid request -- one process, no host locks -- so lockf inherits their
// answers and their errors (EBADF, EINVAL).  Linux wants the fd open for
// writing for F_TLOCK/F_LOCK (before the lock's own check): checked here.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int lockf(int fd, int cmd, off_t len) {
  struct flock fl = { .l_whence = SEEK_CUR, .l_start = 0, .l_len = len };
  switch (cmd) {
    case F_TEST:
      fl.l_type = F_WRLCK;
      if (fcntl(fd, F_GETLK, &fl) < 0) return -1;
      if (fl.l_type == F_UNLCK || fl.l_pid == getpid()) return 0;
      errno = EACCES;
      return -1;
    case F_LOCK:
    case F_TLOCK: {
      int fl_flags = fcntl(fd, F_GETFL);
      if (fl_flags < 0) return -1;
      if (!(fl_flags & O_WRONLY)) {  // O_RDWR includes O_WRONLY here
        errno = EBADF;
        return -1;
      }
      fl.l_type = F_WRLCK;
      return fcntl(fd, cmd == F_LOCK ? F_SETLKW : F_SETLK, &fl);
    }
    case F_ULOCK:
      fl.l_type = F_UNLCK;
      return fcntl(fd, F_SETLK, &fl);
    default:
      errno = EINVAL;
      return -1;
  }
}
