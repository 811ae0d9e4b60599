// Socket options: TCP_USER_TIMEOUT round-trips (and accepted sockets
// inherit it); the SOL_SOCKET options WASI cannot change read back the state
// the socket really has and accept being set to it; Linux's errno for short
// or invalid values.  Below, wasm only (quiet unless something fails):
// asking for a state WASI cannot give fails with a clear errno, and every
// option name our headers define is answered by getsockopt (none is
// advertised and then refused with ENOPROTOOPT).
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int geti(int fd, int level, int name) {
  int v = -12345; socklen_t l = sizeof v;
  return getsockopt(fd, level, name, &v, &l) == 0 && l == sizeof v ? v : -12345;
}
static int seti(int fd, int level, int name, int v) { return setsockopt(fd, level, name, &v, sizeof v); }

int main(void) {
  int t = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
  OK(t >= 0 && u >= 0);

  // TCP_USER_TIMEOUT: milliseconds, 0 = the system default
#ifdef TCP_USER_TIMEOUT
  printf("TCP_USER_TIMEOUT defined\n");
  OK(geti(t, IPPROTO_TCP, TCP_USER_TIMEOUT) == 0);
  OK(seti(t, IPPROTO_TCP, TCP_USER_TIMEOUT, 12345) == 0 && geti(t, IPPROTO_TCP, TCP_USER_TIMEOUT) == 12345);
  OK(seti(t, SOL_TCP, TCP_USER_TIMEOUT, 0) == 0 && geti(t, IPPROTO_TCP, TCP_USER_TIMEOUT) == 0);
  errno = 0; OK(seti(t, IPPROTO_TCP, TCP_USER_TIMEOUT, -1) == -1 && errno == EINVAL);
  errno = 0; OK(setsockopt(t, IPPROTO_TCP, TCP_USER_TIMEOUT, "ab", 2) == -1 && errno == EINVAL);
  errno = 0; OK(seti(u, IPPROTO_TCP, TCP_USER_TIMEOUT, 1000) == -1);
  // a listener's value is the accepted connection's
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  OK(seti(l, IPPROTO_TCP, TCP_USER_TIMEOUT, 5000) == 0);
  OK(bind(l, (struct sockaddr *)&a, sizeof a) == 0 && listen(l, 1) == 0 && getsockname(l, (struct sockaddr *)&a, &al) == 0);
  OK(seti(t, IPPROTO_TCP, TCP_USER_TIMEOUT, 250) == 0);
  OK(connect(t, (struct sockaddr *)&a, sizeof a) == 0);
  int s = accept(l, NULL, NULL);
  OK(s >= 0 && geti(s, IPPROTO_TCP, TCP_USER_TIMEOUT) == 5000);
  OK(geti(t, IPPROTO_TCP, TCP_USER_TIMEOUT) == 250);
  // ...and a connection with it still carries data
  char b[4];
  OK(write(t, "ping", 4) == 4 && read(s, b, 4) == 4 && !memcmp(b, "ping", 4));
  close(s);
  close(l);
#else
  printf("TCP_USER_TIMEOUT not defined\n");
#endif

  // SO_LINGER: off, and may be set off
  struct linger lg = { 7, 7 };
  socklen_t ll = sizeof lg;
  OK(getsockopt(t, SOL_SOCKET, SO_LINGER, &lg, &ll) == 0 && ll == sizeof lg && lg.l_onoff == 0 && lg.l_linger == 0);
  lg.l_onoff = 0; lg.l_linger = 5;
  OK(setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0);
  ll = sizeof lg;
  OK(getsockopt(t, SOL_SOCKET, SO_LINGER, &lg, &ll) == 0 && lg.l_onoff == 0);
  errno = 0; OK(seti(t, SOL_SOCKET, SO_LINGER, 0) == -1 && errno == EINVAL);
  // low-water marks: 1; SO_SNDLOWAT cannot be changed (Linux too)
  OK(geti(t, SOL_SOCKET, SO_RCVLOWAT) == 1 && geti(t, SOL_SOCKET, SO_SNDLOWAT) == 1);
  OK(seti(t, SOL_SOCKET, SO_RCVLOWAT, 1) == 0 && geti(t, SOL_SOCKET, SO_RCVLOWAT) == 1);
  errno = 0; OK(seti(t, SOL_SOCKET, SO_SNDLOWAT, 1) == -1 && errno == ENOPROTOOPT);
  // no debugging, no bypassing of routing
  OK(geti(t, SOL_SOCKET, SO_DEBUG) == 0 && seti(t, SOL_SOCKET, SO_DEBUG, 0) == 0);
  OK(geti(t, SOL_SOCKET, SO_DONTROUTE) == 0 && seti(t, SOL_SOCKET, SO_DONTROUTE, 0) == 0);
  OK(geti(u, SOL_SOCKET, SO_DONTROUTE) == 0);
  // SO_OOBINLINE round-trips (no urgent data ever arrives)
  OK(geti(t, SOL_SOCKET, SO_OOBINLINE) == 0);
  OK(seti(t, SOL_SOCKET, SO_OOBINLINE, 1) == 0 && geti(t, SOL_SOCKET, SO_OOBINLINE) == 1);
  OK(seti(t, SOL_SOCKET, SO_OOBINLINE, 0) == 0 && geti(t, SOL_SOCKET, SO_OOBINLINE) == 0);
  // SO_BROADCAST: off on UDP; TCP stores it
  OK(geti(u, SOL_SOCKET, SO_BROADCAST) == 0 && seti(u, SOL_SOCKET, SO_BROADCAST, 0) == 0);
  OK(seti(t, SOL_SOCKET, SO_BROADCAST, 1) == 0 && geti(t, SOL_SOCKET, SO_BROADCAST) == 1);
  // option values that are too short: EINVAL
  errno = 0; OK(setsockopt(t, SOL_SOCKET, SO_OOBINLINE, "a", 1) == -1 && errno == EINVAL);
  // an option nobody has: ENOPROTOOPT
  errno = 0; OK(seti(t, SOL_SOCKET, 12345, 1) == -1 && errno == ENOPROTOOPT);
  errno = 0; OK(seti(t, IPPROTO_TCP, 12345, 1) == -1 && errno == ENOPROTOOPT);

#ifdef __wasi__
  // what WASI cannot give: refused, never silently accepted
  errno = 0; CHECK(seti(t, SOL_SOCKET, SO_DEBUG, 1) == -1 && errno == EACCES); // unprivileged, as Linux
  errno = 0; CHECK(seti(t, SOL_SOCKET, SO_DONTROUTE, 1) == -1 && errno == EOPNOTSUPP);
  errno = 0; CHECK(seti(u, SOL_SOCKET, SO_BROADCAST, 1) == -1 && errno == EOPNOTSUPP);
  errno = 0; CHECK(seti(t, SOL_SOCKET, SO_RCVLOWAT, 100) == -1 && errno == EOPNOTSUPP);
  lg.l_onoff = 1; lg.l_linger = 0;
  errno = 0; CHECK(setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == -1 && errno == EOPNOTSUPP);
  CHECK(geti(t, SOL_SOCKET, SO_DEBUG) == 0 && geti(u, SOL_SOCKET, SO_BROADCAST) == 0);
  // every option name the headers define is answered (TCP ones on TCP)
  int tcp_names = 0, refused = 0;
#define SWEEP(fd, level, name) do { int v_; socklen_t l_ = sizeof v_; struct linger lv_; \
    void *p_ = (name) == SO_LINGER && (level) == SOL_SOCKET ? (void *)&lv_ : (void *)&v_; \
    if ((level) == SOL_SOCKET && (name) == SO_LINGER) l_ = sizeof lv_; \
    if ((level) == SOL_SOCKET && ((name) == SO_RCVTIMEO || (name) == SO_SNDTIMEO)) { struct timeval tv_; l_ = sizeof tv_; p_ = &tv_; \
      if (getsockopt(fd, level, name, p_, &l_) < 0) { printf("FAIL: %s refused (errno %d)\n", #name, errno); refused++; } break; } \
    if (getsockopt(fd, level, name, p_, &l_) < 0) { printf("FAIL: %s defined but refused (errno %d)\n", #name, errno); refused++; } } while (0)
  SWEEP(t, SOL_SOCKET, SO_DEBUG); SWEEP(t, SOL_SOCKET, SO_REUSEADDR); SWEEP(t, SOL_SOCKET, SO_TYPE);
  SWEEP(t, SOL_SOCKET, SO_ERROR); SWEEP(t, SOL_SOCKET, SO_DONTROUTE); SWEEP(t, SOL_SOCKET, SO_BROADCAST);
  SWEEP(t, SOL_SOCKET, SO_SNDBUF); SWEEP(t, SOL_SOCKET, SO_RCVBUF); SWEEP(t, SOL_SOCKET, SO_KEEPALIVE);
  SWEEP(t, SOL_SOCKET, SO_OOBINLINE); SWEEP(t, SOL_SOCKET, SO_LINGER); SWEEP(t, SOL_SOCKET, SO_REUSEPORT);
  SWEEP(t, SOL_SOCKET, SO_RCVLOWAT); SWEEP(t, SOL_SOCKET, SO_SNDLOWAT); SWEEP(t, SOL_SOCKET, SO_ACCEPTCONN);
  SWEEP(t, SOL_SOCKET, SO_PROTOCOL); SWEEP(t, SOL_SOCKET, SO_DOMAIN); SWEEP(t, SOL_SOCKET, SO_RCVTIMEO);
  SWEEP(t, SOL_SOCKET, SO_SNDTIMEO);
  SWEEP(u, SOL_SOCKET, SO_BROADCAST); SWEEP(u, SOL_SOCKET, SO_LINGER); SWEEP(u, SOL_SOCKET, SO_OOBINLINE);
#define TCPNAME(n) do { tcp_names++; SWEEP(t, IPPROTO_TCP, n); } while (0)
  TCPNAME(TCP_NODELAY); TCPNAME(TCP_KEEPIDLE); TCPNAME(TCP_KEEPINTVL); TCPNAME(TCP_KEEPCNT);
#ifdef TCP_USER_TIMEOUT
  TCPNAME(TCP_USER_TIMEOUT);
#endif
  // Linux's other TCP option names: each must be absent, or answered
#ifdef TCP_MAXSEG
  TCPNAME(TCP_MAXSEG);
#endif
#ifdef TCP_CORK
  TCPNAME(TCP_CORK);
#endif
#ifdef TCP_SYNCNT
  TCPNAME(TCP_SYNCNT);
#endif
#ifdef TCP_LINGER2
  TCPNAME(TCP_LINGER2);
#endif
#ifdef TCP_DEFER_ACCEPT
  TCPNAME(TCP_DEFER_ACCEPT);
#endif
#ifdef TCP_WINDOW_CLAMP
  TCPNAME(TCP_WINDOW_CLAMP);
#endif
#ifdef TCP_INFO
  TCPNAME(TCP_INFO);
#endif
#ifdef TCP_QUICKACK
  TCPNAME(TCP_QUICKACK);
#endif
#ifdef TCP_CONGESTION
  TCPNAME(TCP_CONGESTION);
#endif
#ifdef TCP_MD5SIG
  TCPNAME(TCP_MD5SIG);
#endif
#ifdef TCP_THIN_LINEAR_TIMEOUTS
  TCPNAME(TCP_THIN_LINEAR_TIMEOUTS);
#endif
#ifdef TCP_THIN_DUPACK
  TCPNAME(TCP_THIN_DUPACK);
#endif
#ifdef TCP_REPAIR
  TCPNAME(TCP_REPAIR);
#endif
#ifdef TCP_REPAIR_QUEUE
  TCPNAME(TCP_REPAIR_QUEUE);
#endif
#ifdef TCP_QUEUE_SEQ
  TCPNAME(TCP_QUEUE_SEQ);
#endif
#ifdef TCP_REPAIR_OPTIONS
  TCPNAME(TCP_REPAIR_OPTIONS);
#endif
#ifdef TCP_FASTOPEN
  TCPNAME(TCP_FASTOPEN);
#endif
#ifdef TCP_TIMESTAMP
  TCPNAME(TCP_TIMESTAMP);
#endif
#ifdef TCP_NOTSENT_LOWAT
  TCPNAME(TCP_NOTSENT_LOWAT);
#endif
#ifdef TCP_CC_INFO
  TCPNAME(TCP_CC_INFO);
#endif
#ifdef TCP_SAVE_SYN
  TCPNAME(TCP_SAVE_SYN);
#endif
#ifdef TCP_SAVED_SYN
  TCPNAME(TCP_SAVED_SYN);
#endif
#ifdef TCP_REPAIR_WINDOW
  TCPNAME(TCP_REPAIR_WINDOW);
#endif
#ifdef TCP_FASTOPEN_CONNECT
  TCPNAME(TCP_FASTOPEN_CONNECT);
#endif
#ifdef TCP_ULP
  TCPNAME(TCP_ULP);
#endif
#ifdef TCP_MD5SIG_EXT
  TCPNAME(TCP_MD5SIG_EXT);
#endif
#ifdef TCP_FASTOPEN_KEY
  TCPNAME(TCP_FASTOPEN_KEY);
#endif
#ifdef TCP_FASTOPEN_NO_COOKIE
  TCPNAME(TCP_FASTOPEN_NO_COOKIE);
#endif
#ifdef TCP_ZEROCOPY_RECEIVE
  TCPNAME(TCP_ZEROCOPY_RECEIVE);
#endif
#ifdef TCP_INQ
  TCPNAME(TCP_INQ);
#endif
#ifdef TCP_TX_DELAY
  TCPNAME(TCP_TX_DELAY);
#endif
  // UDP-level names: WASI has no UDP options, so none may be defined
#if defined(UDP_CORK) || defined(UDP_ENCAP) || defined(UDP_SEGMENT) || defined(UDP_GRO) || defined(UDP_NO_CHECK6_TX) || defined(UDP_NO_CHECK6_RX)
  printf("FAIL: a UDP option name is defined\n");
  refused++;
#endif
  CHECK(refused == 0 && tcp_names == 5);
#endif

  close(t); close(u);
  return CHECK_DONE();
}
