// flock: BSD whole-file locks.  Like our fcntl record locks (src/io/fcntl.c)
// they are always granted: one process, and the host has no locks to share
// with other processes.  The operation and the fd are checked as on Linux
// (EINVAL, EBADF).
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>

int flock(int fd, int op) {
  if (fcntl(fd, F_GETFD) < 0) return -1;
  int kind = op & ~LOCK_NB;
  if (kind != LOCK_SH && kind != LOCK_EX && kind != LOCK_UN) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}
