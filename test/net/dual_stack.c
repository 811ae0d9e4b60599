// IPv6 and dual-stack.  WASI 0.2 sockets are IPv6-only (the host refuses
// IPv4-mapped addresses), so IPV6_V6ONLY reads 1 and setting it to 0 gives
// EOPNOTSUPP; a dual-stack server is one socket per family on the same port,
// both served by one poll() loop.  Also: IPv6 UDP echo with recvfrom filling
// a sockaddr_in6, and the refusal of an IPv4-mapped peer.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d %s errno=%d %s\n", __FILE__, __LINE__, #c, errno, strerror(errno)); return 1; } } while (0)
#define SA(a) ((struct sockaddr *)&(a))

int main(void) {
  int one = 1, zero = 0, v;
  socklen_t vl = sizeof v;
  // the IPv6 listener: wildcard, v6-only (the only mode the host has)
  int l6 = socket(AF_INET6, SOCK_STREAM, 0);
  CHECK(l6 >= 0);
  CHECK(getsockopt(l6, IPPROTO_IPV6, IPV6_V6ONLY, &v, &vl) == 0 && v == 1);
  CHECK(setsockopt(l6, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero) == -1 && errno == EOPNOTSUPP);
  CHECK(setsockopt(l6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) == 0);
  struct sockaddr_in6 a6;
  memset(&a6, 0, sizeof a6);
  a6.sin6_family = AF_INET6;
  a6.sin6_addr = in6addr_any;
  CHECK(bind(l6, SA(a6), sizeof a6) == 0 && listen(l6, 8) == 0);
  socklen_t al = sizeof a6;
  CHECK(getsockname(l6, SA(a6), &al) == 0 && al == sizeof a6 && a6.sin6_family == AF_INET6);
  int port = ntohs(a6.sin6_port);
  CHECK(port > 0);
  // the IPv4 listener on the same port
  int l4 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a4;
  memset(&a4, 0, sizeof a4);
  a4.sin_family = AF_INET;
  a4.sin_port = htons(port);
  a4.sin_addr.s_addr = htonl(INADDR_ANY);
  CHECK(bind(l4, SA(a4), sizeof a4) == 0 && listen(l4, 8) == 0);
  printf("dual-stack server: [::]:%d and 0.0.0.0:%d\n", port, port);

  // one client per family, to the loopback address of each
  int c6 = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 t6 = a6;
  t6.sin6_addr = in6addr_loopback;
  CHECK(connect(c6, SA(t6), sizeof t6) == 0);
  int c4 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in t4 = a4;
  t4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(connect(c4, SA(t4), sizeof t4) == 0);
  CHECK(send(c6, "via six", 7, 0) == 7);
  CHECK(send(c4, "via four", 8, 0) == 8);

  // one poll loop serves both listeners and the accepted connections
  struct pollfd p[4] = {{l6, POLLIN, 0}, {l4, POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}};
  int echoed = 0, fam_seen = 0;
  for (int round = 0; echoed < 2; round++) {
    CHECK(round < 50);
    CHECK(poll(p, 4, 5000) > 0);
    for (int i = 0; i < 2; i++) {
      if (!(p[i].revents & POLLIN)) continue;
      struct sockaddr_storage peer;
      socklen_t pl = sizeof peer;
      int s = accept(p[i].fd, SA(peer), &pl);
      CHECK(s >= 0);
      if (i == 0) CHECK(peer.ss_family == AF_INET6 && pl == sizeof(struct sockaddr_in6) &&
                        IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&peer)->sin6_addr));
      else CHECK(peer.ss_family == AF_INET && pl == sizeof(struct sockaddr_in) &&
                 ((struct sockaddr_in *)&peer)->sin_addr.s_addr == htonl(INADDR_LOOPBACK));
      fam_seen |= 1 << i;
      p[2 + i].fd = s;
      p[i].fd = -1; // one connection per listener
    }
    for (int i = 2; i < 4; i++) {
      if (!(p[i].revents & POLLIN)) continue;
      char b[32];
      ssize_t r = recv(p[i].fd, b, sizeof b, 0);
      CHECK(r > 0);
      CHECK(send(p[i].fd, b, r, 0) == r);
      p[i].events = 0;
      echoed++;
    }
  }
  CHECK(fam_seen == 3);
  char b[32];
  CHECK(recv(c6, b, 7, MSG_WAITALL) == 7 && !memcmp(b, "via six", 7));
  CHECK(recv(c4, b, 8, MSG_WAITALL) == 8 && !memcmp(b, "via four", 8));
  struct sockaddr_in6 me6; socklen_t ml = sizeof me6;
  CHECK(getsockname(c6, SA(me6), &ml) == 0 && me6.sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&me6.sin6_addr));
  printf("both families served by one poll loop\n");

  // an IPv4-mapped peer is refused by the host (no dual-stack sockets)
  int cm = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 mapped = t6;
  CHECK(inet_pton(AF_INET6, "::ffff:127.0.0.1", &mapped.sin6_addr) == 1);
  int r = connect(cm, SA(mapped), sizeof mapped);
  int e = errno;
  CHECK(r == -1 && e == EADDRNOTAVAIL); // documented in docs/compatibility.md, Networking
  printf("connect to ::ffff:127.0.0.1: %s\n", strerror(e));
  close(cm);

  // IPv6 UDP echo: recvfrom fills a sockaddr_in6
  int u1 = socket(AF_INET6, SOCK_DGRAM, 0), u2 = socket(AF_INET6, SOCK_DGRAM, 0);
  struct sockaddr_in6 ua;
  memset(&ua, 0, sizeof ua);
  ua.sin6_family = AF_INET6;
  ua.sin6_addr = in6addr_loopback;
  CHECK(bind(u1, SA(ua), sizeof ua) == 0);
  al = sizeof ua;
  CHECK(getsockname(u1, SA(ua), &al) == 0);
  CHECK(sendto(u2, "dgram6", 6, 0, SA(ua), sizeof ua) == 6);
  struct sockaddr_in6 from; socklen_t fl = sizeof from;
  CHECK(recvfrom(u1, b, sizeof b, 0, SA(from), &fl) == 6 && !memcmp(b, "dgram6", 6));
  CHECK(fl == sizeof from && from.sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&from.sin6_addr));
  CHECK(sendto(u1, "back6", 5, 0, SA(from), fl) == 5);
  CHECK(recv(u2, b, sizeof b, 0) == 5 && !memcmp(b, "back6", 5));
  printf("ipv6 udp echo ok\n");

  close(u1); close(u2);
  close(p[2].fd); close(p[3].fd);
  close(c4); close(c6); close(l4); close(l6);
  printf("ok\n");
  return 0;
}
