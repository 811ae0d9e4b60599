// Bad descriptors give EBADF, never a trap: unknown fds, double close,
// reading a write-only stdio stream; dup shares and lowest-free-fd holds.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

static int failures;

int main(void) {
  char c = 'x';
  CHECK_ERRNO(write(99, &c, 1), EBADF);
  CHECK_ERRNO(read(99, &c, 1), EBADF);
  CHECK_ERRNO(close(99), EBADF);
  CHECK_ERRNO(close(-1), EBADF);
  CHECK_ERRNO(fcntl(99, F_GETFL), EBADF);
  CHECK_ERRNO(dup(99), EBADF);
  CHECK_ERRNO(lseek(1, 0, SEEK_SET), ESPIPE);
  CHECK_ERRNO(read(1, &c, 1), EBADF);
  struct iovec iov = { &c, 1 };
  CHECK_ERRNO(writev(1, &iov, -1), EINVAL);
  int fd = dup(1);
  if (fd != 3) { printf("FAIL: dup(1) gave %d, want 3\n", fd); failures++; }
  if (write(fd, "dup ok\n", 7) != 7) { printf("FAIL: write on dup\n"); failures++; }
  if (close(fd) != 0) { printf("FAIL: close dup\n"); failures++; }
  CHECK_ERRNO(close(fd), EBADF);
  if (dup2(1, 10) != 10 || fcntl(10, F_GETFD) != 0) { printf("FAIL: dup2\n"); failures++; }
  if (fcntl(10, F_DUPFD, 5) != 5) { printf("FAIL: F_DUPFD\n"); failures++; }
  close(10); close(5);
  struct iovec v[3] = { { "wri", 3 }, { "", 0 }, { "tev\n", 4 } };
  if (writev(1, v, 3) != 7) { printf("FAIL: writev\n"); failures++; }
  return failures != 0;
}
