// In-process pipes: bytes in order, EOF after the write end closes, EPIPE
// (no signal) after the read end closes, O_NONBLOCK's EAGAIN on empty and
// full, poll readiness, the self-pipe pattern (a signal handler writes, the
// poll loop wakes), FIONREAD, fstat reporting a FIFO.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int wake[2];
static void on_alarm(int sig) { (void)sig; char c = 'A'; write(wake[1], &c, 1); }

int main(void) {
  int p[2];
  char buf[100000];
  REQUIRE(pipe(p) == 0 && p[0] >= 3 && p[1] == p[0] + 1);
  REQUIRE(write(p[1], "hello ", 6) == 6 && write(p[1], "pipe", 4) == 4);
  int n = -1;
  REQUIRE(ioctl(p[0], FIONREAD, &n) == 0 && n == 10);
  struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
  REQUIRE(poll(pf, 2, 0) == 2 && pf[0].revents == POLLIN && pf[1].revents == POLLOUT);
  REQUIRE(read(p[0], buf, sizeof buf) == 10 && memcmp(buf, "hello pipe", 10) == 0);
  struct stat st;
  REQUIRE(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
  REQUIRE(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
  // non-blocking: empty read, full write, partial write of a big buffer
  REQUIRE(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0 && fcntl(p[1], F_SETFL, O_NONBLOCK) == 0);
  REQUIRE(read(p[0], buf, 1) == -1 && errno == EAGAIN);
  memset(buf, 'x', sizeof buf);
  ssize_t w = write(p[1], buf, sizeof buf);
  REQUIRE(w == 65536);
  REQUIRE(write(p[1], buf, 1) == -1 && errno == EAGAIN);
  pf[1].revents = 0;
  REQUIRE(poll(&pf[1], 1, 0) == 0);
  REQUIRE(read(p[0], buf, 70000) == 65536);
  // EOF once the writer is gone; POLLHUP on the read end
  REQUIRE(write(p[1], "z", 1) == 1 && close(p[1]) == 0);
  REQUIRE(read(p[0], buf, 10) == 1 && read(p[0], buf, 10) == 0);
  pf[0].revents = 0;
  REQUIRE(poll(pf, 1, 0) == 1 && (pf[0].revents & POLLHUP));
  REQUIRE(close(p[0]) == 0);
  // EPIPE, no SIGPIPE death, once the reader is gone
  // (O_CLOEXEC sets FD_CLOEXEC on both ends: test/io/cloexec.c)
  REQUIRE(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0 && (fcntl(p[1], F_GETFL) & O_NONBLOCK));
  REQUIRE(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC);
  REQUIRE(close(p[0]) == 0);
  REQUIRE(write(p[1], "x", 1) == -1 && errno == EPIPE);
  REQUIRE(close(p[1]) == 0);
  REQUIRE(pipe2(p, 12345) == -1 && errno == EINVAL);
  // self-pipe: an alarm handler writes, poll with an infinite timeout wakes
  REQUIRE(pipe(wake) == 0);
  signal(SIGALRM, on_alarm);
  struct pollfd wp = { wake[0], POLLIN, 0 };
  alarm(1);
  char c = 0;
  REQUIRE(read(wake[0], &c, 1) == -1 ? errno == EINTR && read(wake[0], &c, 1) == 1 : 1);
  REQUIRE(c == 'A');
  (void)wp;
  close(wake[0]);
  close(wake[1]);
  printf("ok: pipes\n");
  return CHECK_DONE();
}
