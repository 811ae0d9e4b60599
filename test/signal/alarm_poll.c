// An alarm interrupts blocking waits (src/io/poll.c), as a signal does on
// Linux: poll/select/ppoll/pselect fail with EINTR once its handler ran
// (never restarted, even with SA_RESTART); blocking recv/accept/connect/send
// fail with EINTR when the handler lacks SA_RESTART and keep waiting when it
// has it (signal() installs SA_RESTART, as glibc does).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

//! timeout: 40

static volatile sig_atomic_t fired;
static int handler_fd = -1;
static void on_alrm(int sig) {
  (void)sig;
  fired++;
  // the handler itself feeds the socket a blocking recv waits on
  if (handler_fd >= 0) (void)!send(handler_fd, "ping", 4, 0);
}

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}


static void handler(int restart) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alrm;
  sa.sa_flags = restart ? SA_RESTART : 0;
  sigaction(SIGALRM, &sa, NULL);
}

int main(void) {
  // a listener nobody connects to, and a connected pair with no data
  int port;
  int ls = check_listen(AF_INET, &port);
  CHECK(ls >= 0);
  struct sockaddr_in a = check_lo4(port);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  int s = accept(ls, NULL, NULL);
  CHECK(s >= 0);

  // 1. poll, infinite timeout, SA_RESTART handler: still EINTR.
  handler(1);
  long long t0 = now_ms();
  ualarm(200000, 0);
  struct pollfd p[2] = {{ls, POLLIN, 0}, {s, POLLIN, 0}};
  errno = 0;
  int r = poll(p, 2, -1);
  long long took = now_ms() - t0;
  CHECK(r == -1 && errno == EINTR && fired == 1);
  CHECK(took >= 190 && took < 3000);
  printf("poll(-1): %d errno %s after %lld ms, handler ran %d\n", r, strerror(errno), took, (int)fired);

  // 2. poll with a finite timeout longer than the alarm.
  ualarm(100000, 0);
  r = poll(p, 2, 10000);
  CHECK(r == -1 && errno == EINTR && fired == 2);
  printf("poll(10 s): %d errno %s, handler ran %d\n", r, strerror(errno), (int)fired);

  // 3. poll on no fds at all (a pure sleep) is interrupted too.
  ualarm(100000, 0);
  r = poll(NULL, 0, -1);
  CHECK(r == -1 && errno == EINTR && fired == 3);

  // 4. select with no timeout.
  ualarm(100000, 0);
  fd_set rs;
  FD_ZERO(&rs);
  FD_SET(ls, &rs);
  FD_SET(s, &rs);
  r = select((ls > s ? ls : s) + 1, &rs, NULL, NULL, NULL);
  CHECK(r == -1 && errno == EINTR && fired == 4);
  printf("select: %d errno %s, handler ran %d\n", r, strerror(errno), (int)fired);

  // 5. pselect with SIGALRM blocked outside and unblocked by its mask.
  sigset_t block, empty;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigemptyset(&empty);
  sigprocmask(SIG_BLOCK, &block, NULL);
  ualarm(100000, 0);
  FD_ZERO(&rs);
  FD_SET(s, &rs);
  r = pselect(s + 1, &rs, NULL, NULL, NULL, &empty);
  CHECK(r == -1 && errno == EINTR && fired == 5);
  sigprocmask(SIG_UNBLOCK, &block, NULL);
  printf("pselect: %d errno %s, handler ran %d\n", r, strerror(errno), (int)fired);

  // 6. ppoll likewise.
  ualarm(100000, 0);
  r = ppoll(p, 2, NULL, NULL);
  CHECK(r == -1 && errno == EINTR && fired == 6);

  // 7. a ready fd wins over the signal: no EINTR when data is there.
  CHECK(send(c, "x", 1, 0) == 1);
  struct pollfd ps = {s, POLLIN, 0};
  CHECK(poll(&ps, 1, 5000) == 1);
  char buf[16];
  CHECK(recv(s, buf, sizeof buf, 0) == 1);

  // 8. blocking recv, handler without SA_RESTART: EINTR.
  handler(0);
  t0 = now_ms();
  ualarm(200000, 0);
  errno = 0;
  ssize_t n = recv(s, buf, sizeof buf, 0);
  took = now_ms() - t0;
  CHECK(n == -1 && errno == EINTR && fired == 7);
  CHECK(took >= 190 && took < 3000);
  printf("recv (no SA_RESTART): %zd errno %s after %lld ms\n", n, strerror(errno), took);

  // 9. blocking recv, SA_RESTART handler (signal()) that sends the data:
  // the recv keeps waiting and gets it.
  signal(SIGALRM, on_alrm);
  handler_fd = c;
  ualarm(200000, 0);
  errno = 0;
  n = recv(s, buf, sizeof buf, 0);
  CHECK(n == 4 && memcmp(buf, "ping", 4) == 0 && fired == 8);
  handler_fd = -1;
  printf("recv (SA_RESTART): %zd bytes, handler ran %d\n", n, (int)fired);

  // 10. read() on the socket behaves like recv.
  handler(0);
  ualarm(100000, 0);
  n = read(s, buf, sizeof buf);
  CHECK(n == -1 && errno == EINTR && fired == 9);

  // 11. blocking accept, no SA_RESTART: EINTR.
  ualarm(100000, 0);
  r = accept(ls, NULL, NULL);
  CHECK(r == -1 && errno == EINTR && fired == 10);
  printf("accept: %d errno %s\n", r, strerror(errno));

  // 12. SO_RCVTIMEO set: EINTR even with SA_RESTART (signal(7)).
  signal(SIGALRM, on_alrm);
  struct timeval tv = {5, 0};
  CHECK(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
  ualarm(100000, 0);
  n = recv(s, buf, sizeof buf, 0);
  CHECK(n == -1 && errno == EINTR && fired == 11);
  tv.tv_sec = 0;
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

  // 13. blocking send to a peer that does not read: fill the connection,
  // then a blocking send is interrupted (EINTR or a partial count).
  handler(0);
  int fl = fcntl(c, F_GETFL);
  fcntl(c, F_SETFL, fl | O_NONBLOCK);
  static char big[65536];
  long long total = 0;
  for (int i = 0; i < 100000; i++) {
    n = send(c, big, sizeof big, 0);
    if (n < 0) { if (errno == EAGAIN) { struct pollfd po = {c, POLLOUT, 0}; if (poll(&po, 1, 200) == 0) break; continue; } break; }
    total += n;
  }
  printf("filled %lld bytes\n", total);
  fcntl(c, F_SETFL, fl);
  ualarm(200000, 0);
  n = send(c, big, sizeof big, 0);
  CHECK(fired == 12 && ((n == -1 && errno == EINTR) || (n > 0 && n < (ssize_t)sizeof big)));
  printf("send: %zd errno %s, handler ran %d\n", n, n < 0 ? strerror(errno) : "-", (int)fired);

  // an ignored alarm does not interrupt anything
  signal(SIGALRM, SIG_IGN);
  ualarm(50000, 0);
  r = poll(p, 1, 300);
  CHECK(r == 0);

  close(s);
  close(c);
  close(ls);
  return CHECK_DONE();
}
