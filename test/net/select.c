// select() and pselect() over sockets and stdin: timeouts (nothing ready ->
// 0 after the time, sets cleared), readiness (readable after data, EOF and a
// pending connection; writable when connected), stdin with piped data and at
// EOF, select as a sleep, bad fd -> EBADF, bad timeouts -> EINVAL.
//! stdin: line from stdin\n
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int maxfd(int a, int b) { return a > b ? a : b; }

int main(void) {
  int port;
  int ls = check_listen(AF_INET, &port);
  REQUIRE(ls >= 0);
  struct sockaddr_in a = check_lo4(port);
  fd_set r, w;
  struct timeval tv;

  // nothing pending on the listener: timeout, set cleared
  FD_ZERO(&r);
  FD_SET(ls, &r);
  tv = (struct timeval){0, 100000};
  double t0 = now_ms();
  REQUIRE(select(ls + 1, &r, NULL, NULL, &tv) == 0);
  double ms = now_ms() - t0;
  REQUIRE(ms >= 95 && ms < 2000);
  REQUIRE(!FD_ISSET(ls, &r));
  printf("select timeout: 0 after %.0f ms\n", ms);

  int c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  // a pending connection makes the listener readable
  FD_ZERO(&r);
  FD_SET(ls, &r);
  tv = (struct timeval){5, 0};
  REQUIRE(select(ls + 1, &r, NULL, NULL, &tv) == 1 && FD_ISSET(ls, &r));
  int s = accept(ls, NULL, NULL);
  REQUIRE(s >= 0);

  // connected socket: writable, not readable
  FD_ZERO(&r); FD_ZERO(&w);
  FD_SET(s, &r); FD_SET(s, &w);
  tv = (struct timeval){0, 50000};
  REQUIRE(select(s + 1, &r, &w, NULL, &tv) == 1 && !FD_ISSET(s, &r) && FD_ISSET(s, &w));

  // stdin (piped, has data) and two sockets without data: only stdin is readable
  FD_ZERO(&r);
  FD_SET(0, &r); FD_SET(s, &r); FD_SET(c, &r);
  tv = (struct timeval){5, 0};
  REQUIRE(select(maxfd(s, c) + 1, &r, NULL, NULL, &tv) == 1);
  REQUIRE(FD_ISSET(0, &r) && !FD_ISSET(s, &r) && !FD_ISSET(c, &r));
  char line[64];
  ssize_t n = read(0, line, sizeof line);
  REQUIRE(n == 16 && !memcmp(line, "line from stdin\n", 16));
  printf("stdin readable with piped data\n");

  // data on the socket: readable; fds at or beyond nfds are ignored
  REQUIRE(send(c, "ping", 4, 0) == 4);
  FD_ZERO(&r);
  FD_SET(s, &r); FD_SET(c, &r);
  tv = (struct timeval){5, 0};
  REQUIRE(select(maxfd(s, c) + 1, &r, NULL, NULL, &tv) == 1 && FD_ISSET(s, &r) && !FD_ISSET(c, &r));
  FD_ZERO(&r);
  FD_SET(s, &r);
  tv = (struct timeval){0, 0};
  REQUIRE(select(s, &r, NULL, NULL, &tv) == 0); // nfds == s: s not looked at
  char b[8];
  REQUIRE(recv(s, b, sizeof b, 0) == 4);

  // pselect: timespec timeout, a signal mask (nothing to mask here)
  sigset_t mask;
  sigemptyset(&mask);
  FD_ZERO(&r);
  FD_SET(s, &r);
  struct timespec ts = {0, 80000000};
  t0 = now_ms();
  REQUIRE(pselect(s + 1, &r, NULL, NULL, &ts, &mask) == 0 && !FD_ISSET(s, &r));
  ms = now_ms() - t0;
  REQUIRE(ms >= 75 && ms < 2000);
  REQUIRE(send(c, "pong", 4, 0) == 4);
  // wait for the data first: a writable fd alone would end the next call early
  FD_ZERO(&r);
  FD_SET(s, &r);
  ts = (struct timespec){5, 0};
  REQUIRE(pselect(s + 1, &r, NULL, NULL, &ts, NULL) == 1);
  FD_ZERO(&r); FD_ZERO(&w);
  FD_SET(s, &r); FD_SET(c, &w);
  ts = (struct timespec){0, 0};
  REQUIRE(pselect(maxfd(s, c) + 1, &r, &w, NULL, &ts, NULL) == 2 && FD_ISSET(s, &r) && FD_ISSET(c, &w));
  REQUIRE(recv(s, b, sizeof b, 0) == 4);
  printf("pselect: timeout after %.0f ms, read+write readiness\n", ms);

  // the peer's FIN and stdin's EOF both read as readable
  REQUIRE(shutdown(c, SHUT_WR) == 0);
  FD_ZERO(&r);
  FD_SET(0, &r); FD_SET(s, &r);
  int got = 0;
  for (int i = 0; i < 10 && got < 2; i++) {
    fd_set rr = r;
    tv = (struct timeval){5, 0};
    got = select(s + 1, &rr, NULL, NULL, &tv);
    REQUIRE(got >= 1);
  }
  REQUIRE(got == 2);
  REQUIRE(recv(s, b, sizeof b, 0) == 0);
  REQUIRE(read(0, line, sizeof line) == 0);
  printf("EOF on socket and stdin: readable\n");

  // select as a sleep
  tv = (struct timeval){0, 60000};
  t0 = now_ms();
  REQUIRE(select(0, NULL, NULL, NULL, &tv) == 0);
  REQUIRE(now_ms() - t0 >= 55);
  // errors
  close(c);
  FD_ZERO(&r);
  FD_SET(c, &r);
  tv = (struct timeval){0, 0};
  REQUIRE(select(c + 1, &r, NULL, NULL, &tv) == -1 && errno == EBADF);
  FD_ZERO(&r);
  FD_SET(s, &r);
  tv = (struct timeval){0, -1};
  REQUIRE(select(s + 1, &r, NULL, NULL, &tv) == -1 && errno == EINVAL);
  ts = (struct timespec){0, 1000000000};
  REQUIRE(pselect(s + 1, &r, NULL, NULL, &ts, NULL) == -1 && errno == EINVAL);
  REQUIRE(select(-1, NULL, NULL, NULL, NULL) == -1 && errno == EINVAL);
  close(s);
  close(ls);
  printf("ok\n");
  return CHECK_DONE();
}
