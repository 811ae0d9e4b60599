// Host bugs 4 and 13 (docs/host-notes.md), fixed in wasip2-run:
//  4: connect to a port that is bound but not listening is refused (ECONNREFUSED);
// 13: a second bind of a port this program holds fails with EADDRINUSE (also through
//     the wildcard address, also for UDP); closing the holder frees it, and with
//     SO_REUSEADDR a listener's old connections do not block the rebind (Linux).
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static struct sockaddr_in addr4(uint32_t host, int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(host);
  return a;
}
#define SA(a) ((struct sockaddr *)&(a))

static int port_of(int fd) {
  struct sockaddr_in a;
  socklen_t l = sizeof a;
  if (getsockname(fd, SA(a), &l) < 0) return -1;
  return ntohs(a.sin_port);
}

int main(void) {
  int one = 1;
  // --- bug 4: bound, not listening -> refused
  int a = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(a >= 0);
  struct sockaddr_in la = addr4(INADDR_LOOPBACK, 0);
  REQUIRE(bind(a, SA(la), sizeof la) == 0);
  int port = port_of(a);
  REQUIRE(port > 0);
  struct sockaddr_in ta = addr4(INADDR_LOOPBACK, port);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, SA(ta), sizeof ta) == -1 && errno == ECONNREFUSED);
  close(c);
  printf("connect to bound-only port: ECONNREFUSED\n");

  // --- bug 13: the same port again
  int b = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(bind(b, SA(ta), sizeof ta) == -1 && errno == EADDRINUSE);
  struct sockaddr_in wild = addr4(INADDR_ANY, port);
  REQUIRE(bind(b, SA(wild), sizeof wild) == -1 && errno == EADDRINUSE);
  // the failed binds left b unbound: it can still bind elsewhere
  struct sockaddr_in any0 = addr4(INADDR_LOOPBACK, 0);
  REQUIRE(bind(b, SA(any0), sizeof any0) == 0 && port_of(b) != port);
  close(b);
  printf("second bind of a bound-only port: EADDRINUSE\n");

  // the holder listens (SO_REUSEADDR set, as servers do): still EADDRINUSE, as on Linux
  REQUIRE(setsockopt(a, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  REQUIRE(listen(a, 8) == 0);
  b = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(setsockopt(b, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  REQUIRE(bind(b, SA(ta), sizeof ta) == -1 && errno == EADDRINUSE);
  close(b);
  // another family does not clash (IPv6 sockets are IPv6-only here)
  int s6 = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 l6 = check_lo6(port);
  REQUIRE(bind(s6, SA(l6), sizeof l6) == 0);
  close(s6);
  printf("listening holder: EADDRINUSE; ::1 at the same port: ok\n");

  // one connection, closed by the server side first (TIME_WAIT on the server's port)
  c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, SA(ta), sizeof ta) == 0);
  int s = accept(a, NULL, NULL);
  REQUIRE(s >= 0);
  REQUIRE(send(c, "x", 1, 0) == 1);
  char ch;
  REQUIRE(recv(s, &ch, 1, 0) == 1);
  close(s);
  REQUIRE(recv(c, &ch, 1, 0) == 0);
  close(c);
  close(a);

  // --- after close the port is free again
  b = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(setsockopt(b, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  REQUIRE(bind(b, SA(ta), sizeof ta) == 0);
  REQUIRE(port_of(b) == port);
  REQUIRE(listen(b, 8) == 0);
  c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, SA(ta), sizeof ta) == 0);
  s = accept(b, NULL, NULL);
  REQUIRE(s >= 0);
  close(s);
  close(c);
  close(b);
  printf("after close: bind + listen on the same port works\n");

  // --- UDP: same rules
  int u1 = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(bind(u1, SA(any0), sizeof any0) == 0);
  int up = port_of(u1);
  struct sockaddr_in ua = addr4(INADDR_LOOPBACK, up);
  int u2 = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(bind(u2, SA(ua), sizeof ua) == -1 && errno == EADDRINUSE);
  close(u1);
  REQUIRE(bind(u2, SA(ua), sizeof ua) == 0);
  close(u2);
  printf("udp: EADDRINUSE, then free after close\n");
  printf("ok\n");
  return CHECK_DONE();
}
