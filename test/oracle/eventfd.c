// eventfd: counter semantics (write adds, read takes all and resets),
// EFD_SEMAPHORE (read takes 1), EFD_NONBLOCK (EAGAIN on zero and at the
// 2^64-2 ceiling), EFD_CLOEXEC, bad sizes and values (EINVAL), poll
// readiness (IN while nonzero, OUT while one more fits), dup sharing the
// counter, and eventfd_read/eventfd_write.
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "check.h"
#include "oracle.h"

int main(void) {
  uint64_t v;
  int fd = eventfd(3, 0);
  REQUIRE(fd >= 0);
  REQUIRE(read(fd, &v, sizeof v) == 8 && v == 3);
  v = 5; REQUIRE(write(fd, &v, 8) == 8);
  v = 7; REQUIRE(write(fd, &v, 8) == 8);
  struct pollfd p = {fd, POLLIN | POLLOUT, 0};
  REQUIRE(poll(&p, 1, 0) == 1);
  printf("poll with 12: %s\n", pev(p.revents));
  REQUIRE(read(fd, &v, 8) == 8);
  printf("read: %llu\n", (unsigned long long)v);
  p.revents = 0;
  REQUIRE(poll(&p, 1, 0) == 1);
  printf("poll with 0: %s\n", pev(p.revents));
  // a short buffer and the reserved value are EINVAL
  CHECK_ERRNO(read(fd, &v, 4), EINVAL);
  CHECK_ERRNO(write(fd, &v, 7), EINVAL);
  v = UINT64_MAX; CHECK_ERRNO(write(fd, &v, 8), EINVAL);
  // a bigger buffer reads 8 bytes
  uint64_t big[2] = {0, 0};
  v = 9; REQUIRE(write(fd, &v, 8) == 8);
  SHOW("read into 16 bytes", read(fd, big, sizeof big));
  printf("value: %llu\n", (unsigned long long)big[0]);
  REQUIRE(close(fd) == 0);

  // non-blocking: EAGAIN when zero, and when the sum would pass 2^64-2
  fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(fcntl(fd, F_GETFL) & O_NONBLOCK);
  REQUIRE(fcntl(fd, F_GETFD) & FD_CLOEXEC);
  CHECK_ERRNO(read(fd, &v, 8), EAGAIN);
  v = UINT64_MAX - 1; REQUIRE(write(fd, &v, 8) == 8);
  v = 1; CHECK_ERRNO(write(fd, &v, 8), EAGAIN);
  p.fd = fd; p.revents = 0;
  REQUIRE(poll(&p, 1, 0) == 1);
  printf("poll at the ceiling: %s\n", pev(p.revents));
  REQUIRE(read(fd, &v, 8) == 8 && v == UINT64_MAX - 1);
  // a dup shares the counter
  int fd2 = dup(fd);
  REQUIRE(eventfd_write(fd2, 40) == 0 && eventfd_write(fd, 2) == 0);
  eventfd_t ev;
  REQUIRE(eventfd_read(fd, &ev) == 0);
  printf("eventfd_read after 40+2 through two fds: %llu\n", (unsigned long long)ev);
  CHECK_ERRNO(eventfd_read(fd2, &ev), EAGAIN);
  close(fd2);
  close(fd);

  // semaphore: each read takes 1
  fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  REQUIRE(fd >= 0);
  REQUIRE(eventfd_read(fd, &ev) == 0 && ev == 1);
  REQUIRE(eventfd_read(fd, &ev) == 0 && ev == 1);
  CHECK_ERRNO(eventfd_read(fd, &ev), EAGAIN);
  REQUIRE(eventfd_write(fd, 3) == 0);
  int n = 0;
  while (eventfd_read(fd, &ev) == 0) n++;
  printf("semaphore reads after +3: %d\n", n);
  close(fd);

  CHECK_ERRNO(eventfd(0, 0x40000000), EINVAL);
  printf("ok\n");
  return CHECK_DONE();
}
