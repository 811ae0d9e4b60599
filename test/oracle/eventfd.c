// eventfd: counter semantics (write adds, read takes all and resets),
// EFD_SEMAPHORE (read takes 1), EFD_NONBLOCK (EAGAIN on zero and at the
// 2^64-2 ceiling), EFD_CLOEXEC, bad sizes and values (EINVAL), poll
// readiness (IN while nonzero, OUT while one more fits), dup sharing the
// counter, and eventfd_read/eventfd_write.
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "oracle.h"

int main(void) {
  uint64_t v;
  int fd = eventfd(3, 0);
  CHECK(fd >= 0);
  CHECK(read(fd, &v, sizeof v) == 8 && v == 3);
  v = 5; CHECK(write(fd, &v, 8) == 8);
  v = 7; CHECK(write(fd, &v, 8) == 8);
  struct pollfd p = {fd, POLLIN | POLLOUT, 0};
  CHECK(poll(&p, 1, 0) == 1);
  printf("poll with 12: %s\n", pev(p.revents));
  CHECK(read(fd, &v, 8) == 8);
  printf("read: %llu\n", (unsigned long long)v);
  p.revents = 0;
  CHECK(poll(&p, 1, 0) == 1);
  printf("poll with 0: %s\n", pev(p.revents));
  // a short buffer and the reserved value are EINVAL
  FAILS(read(fd, &v, 4), EINVAL);
  FAILS(write(fd, &v, 7), EINVAL);
  v = UINT64_MAX; FAILS(write(fd, &v, 8), EINVAL);
  // a bigger buffer reads 8 bytes
  uint64_t big[2] = {0, 0};
  v = 9; CHECK(write(fd, &v, 8) == 8);
  SHOW("read into 16 bytes", read(fd, big, sizeof big));
  printf("value: %llu\n", (unsigned long long)big[0]);
  CHECK(close(fd) == 0);

  // non-blocking: EAGAIN when zero, and when the sum would pass 2^64-2
  fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  CHECK(fd >= 0);
  CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
  CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
  FAILS(read(fd, &v, 8), EAGAIN);
  v = UINT64_MAX - 1; CHECK(write(fd, &v, 8) == 8);
  v = 1; FAILS(write(fd, &v, 8), EAGAIN);
  p.fd = fd; p.revents = 0;
  CHECK(poll(&p, 1, 0) == 1);
  printf("poll at the ceiling: %s\n", pev(p.revents));
  CHECK(read(fd, &v, 8) == 8 && v == UINT64_MAX - 1);
  // a dup shares the counter
  int fd2 = dup(fd);
  CHECK(eventfd_write(fd2, 40) == 0 && eventfd_write(fd, 2) == 0);
  eventfd_t ev;
  CHECK(eventfd_read(fd, &ev) == 0);
  printf("eventfd_read after 40+2 through two fds: %llu\n", (unsigned long long)ev);
  FAILS(eventfd_read(fd2, &ev), EAGAIN);
  close(fd2);
  close(fd);

  // semaphore: each read takes 1
  fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
  CHECK(fd >= 0);
  CHECK(eventfd_read(fd, &ev) == 0 && ev == 1);
  CHECK(eventfd_read(fd, &ev) == 0 && ev == 1);
  FAILS(eventfd_read(fd, &ev), EAGAIN);
  CHECK(eventfd_write(fd, 3) == 0);
  int n = 0;
  while (eventfd_read(fd, &ev) == 0) n++;
  printf("semaphore reads after +3: %d\n", n);
  close(fd);

  FAILS(eventfd(0, 0x40000000), EINVAL);
  printf("ok\n");
  return 0;
}
