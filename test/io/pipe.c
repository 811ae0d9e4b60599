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

#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s (errno %d)\n", __LINE__, #c, errno); return 1; } } while (0)

static int wake[2];
static void on_alarm(int sig) { (void)sig; char c = 'A'; write(wake[1], &c, 1); }

int main(void) {
  int p[2];
  char buf[100000];
  CHECK(pipe(p) == 0 && p[0] >= 3 && p[1] == p[0] + 1);
  CHECK(write(p[1], "hello ", 6) == 6 && write(p[1], "pipe", 4) == 4);
  int n = -1;
  CHECK(ioctl(p[0], FIONREAD, &n) == 0 && n == 10);
  struct pollfd pf[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
  CHECK(poll(pf, 2, 0) == 2 && pf[0].revents == POLLIN && pf[1].revents == POLLOUT);
  CHECK(read(p[0], buf, sizeof buf) == 10 && memcmp(buf, "hello pipe", 10) == 0);
  struct stat st;
  CHECK(fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
  CHECK(lseek(p[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
  // non-blocking: empty read, full write, partial write of a big buffer
  CHECK(fcntl(p[0], F_SETFL, O_NONBLOCK) == 0 && fcntl(p[1], F_SETFL, O_NONBLOCK) == 0);
  CHECK(read(p[0], buf, 1) == -1 && errno == EAGAIN);
  memset(buf, 'x', sizeof buf);
  ssize_t w = write(p[1], buf, sizeof buf);
  CHECK(w == 65536);
  CHECK(write(p[1], buf, 1) == -1 && errno == EAGAIN);
  pf[1].revents = 0;
  CHECK(poll(&pf[1], 1, 0) == 0);
  CHECK(read(p[0], buf, 70000) == 65536);
  // EOF once the writer is gone; POLLHUP on the read end
  CHECK(write(p[1], "z", 1) == 1 && close(p[1]) == 0);
  CHECK(read(p[0], buf, 10) == 1 && read(p[0], buf, 10) == 0);
  pf[0].revents = 0;
  CHECK(poll(pf, 1, 0) == 1 && (pf[0].revents & POLLHUP));
  CHECK(close(p[0]) == 0);
  // EPIPE, no SIGPIPE death, once the reader is gone
  // (O_CLOEXEC sets FD_CLOEXEC on both ends: test/io/cloexec.c)
  CHECK(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0 && (fcntl(p[1], F_GETFL) & O_NONBLOCK));
  CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC);
  CHECK(close(p[0]) == 0);
  CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE);
  CHECK(close(p[1]) == 0);
  CHECK(pipe2(p, 12345) == -1 && errno == EINVAL);
  // self-pipe: an alarm handler writes, poll with an infinite timeout wakes
  CHECK(pipe(wake) == 0);
  signal(SIGALRM, on_alarm);
  struct pollfd wp = { wake[0], POLLIN, 0 };
  alarm(1);
  char c = 0;
  CHECK(read(wake[0], &c, 1) == -1 ? errno == EINTR && read(wake[0], &c, 1) == 1 : 1);
  CHECK(c == 'A');
  (void)wp;
  close(wake[0]);
  close(wake[1]);
  printf("ok: pipes\n");
  return 0;
}
