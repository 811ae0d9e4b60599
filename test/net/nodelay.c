// TCP_NODELAY reports what the host really does: wasip2-run disables Nagle on
// every TCP socket (issue 8 bug 11), so it reads 1 on fresh, connected and
// accepted sockets; setting 1 succeeds; setting 0 cannot be honoured through
// WASI and fails with EOPNOTSUPP (never a silent success).  The timing part
// shows Nagle really is off: 20 exchanges of two 1-byte writes + a 1-byte
// reply take ~40 ms each with Nagle + delayed ACK, well under 1 ms without.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int nodelay(int fd) {
  int v = -1;
  socklen_t l = sizeof v;
  if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, &l) < 0 || l != sizeof v) return -1;
  return v;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(void) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(ls >= 0);
  REQUIRE(nodelay(ls) == 1);
  int one = 1, zero = 0;
  REQUIRE(setsockopt(ls, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
  REQUIRE(setsockopt(ls, IPPROTO_TCP, TCP_NODELAY, &zero, sizeof zero) == -1 && errno == EOPNOTSUPP);
  REQUIRE(nodelay(ls) == 1);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  REQUIRE(bind(ls, (struct sockaddr *)&a, sizeof a) == 0 && listen(ls, 4) == 0);
  REQUIRE(getsockname(ls, (struct sockaddr *)&a, &al) == 0);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  int s = accept(ls, NULL, NULL);
  REQUIRE(s >= 0);
  REQUIRE(nodelay(c) == 1 && nodelay(s) == 1);
  REQUIRE(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
  REQUIRE(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &zero, sizeof zero) == -1 && errno == EOPNOTSUPP);
  // short option buffer, as on Linux
  REQUIRE(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, 1) == -1 && errno == EINVAL);
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  int v; socklen_t vl = sizeof v;
  REQUIRE(getsockopt(u, IPPROTO_TCP, TCP_NODELAY, &v, &vl) == -1 && errno == ENOPROTOOPT);
  close(u);
  printf("TCP_NODELAY: reads 1, set 1 ok, set 0 EOPNOTSUPP\n");

  // the exchange that stalls under Nagle: write, write, wait for the reply
  char b[2];
  double t0 = now_ms();
  for (int i = 0; i < 20; i++) {
    REQUIRE(send(c, "a", 1, 0) == 1);
    REQUIRE(send(c, "b", 1, 0) == 1);
    REQUIRE(recv(s, b, 2, MSG_WAITALL) == 2);
    REQUIRE(send(s, "r", 1, 0) == 1);
    REQUIRE(recv(c, b, 1, 0) == 1);
  }
  double per = (now_ms() - t0) / 20;
  printf("write-write-read exchange: %.2f ms each\n", per);
  REQUIRE(per < 20); // Nagle + delayed ACK would be ~40 ms
  close(s);
  close(c);
  close(ls);
  printf("ok\n");
  return CHECK_DONE();
}
