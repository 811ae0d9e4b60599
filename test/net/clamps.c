// Arguments that Linux clamps, defaults or refuses, each checked against the
// Linux answer (this test also runs natively and the outputs must match):
// poll/epoll_wait with any negative timeout wait forever (no EINVAL), epoll's
// maxevents <= 0 is EINVAL, select's nfds above the table is clamped (only a
// negative one is EINVAL), select's tv_usec of a second or more is carried,
// a negative one is EINVAL, nanosleep's out-of-range tv_nsec is EINVAL,
// readv's iovcnt 0 reads nothing and < 0 or > IOV_MAX is EINVAL,
// SO_RCVTIMEO's negative tv_sec means no timeout and tv_usec >= 1e6 is EDOM,
// IP_TTL -1 restores the default and 0 or 256 is EINVAL, TCP_KEEPCNT and
// TCP_KEEPIDLE outside 1..127 / 1..32767 are EINVAL.
// oracle: linux
#define _GNU_SOURCE
#include "check.h"
#include <limits.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <time.h>

static const char *res(int r) {
  if (r >= 0) return r == 0 ? "0" : r == 1 ? "1" : ">1";
  switch (errno) {
  case EINVAL: return "EINVAL";
  case EDOM: return "EDOM";
  case EFAULT: return "EFAULT";
  case EBADF: return "EBADF";
  case EAGAIN: return "EAGAIN";
  case ENOPROTOOPT: return "ENOPROTOOPT";
  default: return "E?";
  }
}
#define SHOW(what, call) do { errno = 0; int r_ = (call); printf("%-44s %s\n", what, res(r_)); } while (0)

int main(void) {
  volatile int minus1 = -1, iovmax1 = IOV_MAX + 1;
  int port = 0, ls = check_listen(AF_INET, &port);
  REQUIRE(ls >= 0);
  int c = check_connect(AF_INET, port);
  REQUIRE(c >= 0);
  int a = accept(ls, NULL, NULL);
  REQUIRE(a >= 0);
  REQUIRE(send(c, "x", 1, 0) == 1);

  // a readable fd: a negative timeout is "forever", not an error
  struct pollfd p = { .fd = a, .events = POLLIN };
  SHOW("poll(timeout -5)", poll(&p, 1, -5));
  SHOW("poll(timeout INT_MIN)", poll(&p, 1, INT_MIN));
  int ep = epoll_create1(0);
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = a }, out[2];
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev) == 0);
  SHOW("epoll_wait(timeout -5)", epoll_wait(ep, out, 2, -5));
  SHOW("epoll_wait(maxevents 0)", epoll_wait(ep, out, 0, 0));
  SHOW("epoll_wait(maxevents -1)", epoll_wait(ep, out, minus1, 0));
  SHOW("epoll_create(0)", epoll_create(0));
  SHOW("epoll_create(-1)", epoll_create(-1));
  close(ep);

  fd_set r;
  struct timeval tv = { 0, 0 };
  FD_ZERO(&r); FD_SET(a, &r);
  SHOW("select(nfds -1)", select(-1, &r, NULL, NULL, &tv));
  FD_ZERO(&r); FD_SET(a, &r);
  SHOW("select(nfds FD_SETSIZE + 1)", select(FD_SETSIZE + 1, &r, NULL, NULL, &tv));
  FD_ZERO(&r); FD_SET(a, &r); tv = (struct timeval){ 0, 2000000 };
  SHOW("select(tv_usec 2000000) readable", select(a + 1, &r, NULL, NULL, &tv));
  printf("%-44s %s\n", "  ... writes back the time left", tv.tv_sec == 1 && tv.tv_usec > 0 ? "yes" : "no");
  FD_ZERO(&r); FD_SET(a, &r); tv = (struct timeval){ 0, -1 };
  SHOW("select(tv_usec -1)", select(a + 1, &r, NULL, NULL, &tv));
  FD_ZERO(&r); FD_SET(a, &r); tv = (struct timeval){ -1, 0 };
  SHOW("select(tv_sec -1)", select(a + 1, &r, NULL, NULL, &tv));

  struct timespec ts = { 0, 1000000000 };
  SHOW("nanosleep(tv_nsec 1e9)", nanosleep(&ts, NULL));
  ts = (struct timespec){ 0, -1 };
  SHOW("nanosleep(tv_nsec -1)", nanosleep(&ts, NULL));
  ts = (struct timespec){ -1, 0 };
  SHOW("nanosleep(tv_sec -1)", nanosleep(&ts, NULL));

  char b[4];
  struct iovec iov = { b, 1 };
  SHOW("readv(iovcnt 0)", readv(a, &iov, 0));
  SHOW("readv(iovcnt -1)", readv(a, &iov, minus1));
  SHOW("readv(iovcnt IOV_MAX+1)", readv(a, &iov, iovmax1));
  SHOW("readv(iovcnt 1)", readv(a, &iov, 1));

  tv = (struct timeval){ -5, 0 };
  SHOW("SO_RCVTIMEO tv_sec -5", setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
  socklen_t l = sizeof tv;
  getsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, &l);
  printf("%-44s %s\n", "  ... reads back as {0, 0}", tv.tv_sec == 0 && tv.tv_usec == 0 ? "yes" : "no");
  SHOW("  ... recv on an empty socket gives up at once", (int)recv(a, b, 1, 0) == -1 && errno == EAGAIN);
  tv = (struct timeval){ 0, 0 };
  setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  tv = (struct timeval){ 0, 1000000 };
  SHOW("SO_RCVTIMEO tv_usec 1000000", setsockopt(a, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
  tv = (struct timeval){ 0, -1 };
  SHOW("SO_SNDTIMEO tv_usec -1", setsockopt(a, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));

  int v, def = 0;
  l = sizeof def;
  getsockopt(a, IPPROTO_IP, IP_TTL, &def, &l);
  v = 0;   SHOW("IP_TTL 0", setsockopt(a, IPPROTO_IP, IP_TTL, &v, sizeof v));
  v = 256; SHOW("IP_TTL 256", setsockopt(a, IPPROTO_IP, IP_TTL, &v, sizeof v));
  v = 7;   SHOW("IP_TTL 7", setsockopt(a, IPPROTO_IP, IP_TTL, &v, sizeof v));
  v = -1;  SHOW("IP_TTL -1", setsockopt(a, IPPROTO_IP, IP_TTL, &v, sizeof v));
  l = sizeof v;
  getsockopt(a, IPPROTO_IP, IP_TTL, &v, &l);
  printf("%-44s %s\n", "  ... reads back as the default", v == def ? "yes" : "no");
  v = 0;     SHOW("TCP_KEEPCNT 0", setsockopt(a, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof v));
  v = 128;   SHOW("TCP_KEEPCNT 128", setsockopt(a, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof v));
  v = 127;   SHOW("TCP_KEEPCNT 127", setsockopt(a, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof v));
  v = 0;     SHOW("TCP_KEEPIDLE 0", setsockopt(a, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));
  v = 32768; SHOW("TCP_KEEPIDLE 32768", setsockopt(a, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));
  v = 32767; SHOW("TCP_KEEPIDLE 32767", setsockopt(a, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));
  v = -1;    SHOW("TCP_KEEPINTVL -1", setsockopt(a, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof v));
  v = 0;     SHOW("SO_RCVBUF 0", setsockopt(a, SOL_SOCKET, SO_RCVBUF, &v, sizeof v));
  v = -1;    SHOW("SO_SNDBUF -1", setsockopt(a, SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
  close(a); close(c); close(ls);
  return CHECK_DONE();
}
