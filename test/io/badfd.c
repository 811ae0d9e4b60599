// Bad descriptors give EBADF, never a trap: unknown fds, double close,
// reading a write-only stdio stream; dup shares and lowest-free-fd holds.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

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
  CHECK_EQ(fd, 3, "dup(1): lowest free fd");
  CHECK_EQ(write(fd, "dup ok\n", 7), 7);
  CHECK(close(fd) == 0);
  CHECK_ERRNO(close(fd), EBADF);
  CHECK(dup2(1, 10) == 10 && fcntl(10, F_GETFD) == 0, "dup2");
  CHECK_EQ(fcntl(10, F_DUPFD, 5), 5);
  close(10); close(5);
  struct iovec v[3] = { { "wri", 3 }, { "", 0 }, { "tev\n", 4 } };
  CHECK_EQ(writev(1, v, 3), 7);
  return CHECK_DONE();
}
