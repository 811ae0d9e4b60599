// Dual-stack IPv6, as Linux does it (also built with gcc and compared by
// test/oracle/oracle.test.mjs): IPV6_V6ONLY reads 0 by default; one [::]
// listener serves an IPv6 client and an IPv4 client, which it sees as
// ::ffff:127.0.0.1; an AF_INET6 socket connects to ::ffff:127.0.0.1 and
// reports AF_INET6 names on both ends; UDP on [::] receives from IPv4 and
// IPv6 senders and answers both, and sends to ::ffff:127.0.0.1 itself;
// V6ONLY=1 gives back single-family sockets (one per family on one port);
// a dual bind fails with EADDRINUSE when the IPv4 port is taken; setting
// V6ONLY after bind is EINVAL; poll sees both families.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

#define SA(a) ((struct sockaddr *)&(a))

static const char *name(const struct sockaddr_storage *ss) {
  static char b[80];
  char a[64];
  if (ss->ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ss)->sin6_addr, a, sizeof a);
    snprintf(b, sizeof b, "AF_INET6 %s", a);
  } else if (ss->ss_family == AF_INET) {
    inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr, a, sizeof a);
    snprintf(b, sizeof b, "AF_INET %s", a);
  } else snprintf(b, sizeof b, "family?");
  return b;
}

static int port_of(const struct sockaddr_storage *ss) {
  return ntohs(ss->ss_family == AF_INET6 ? ((const struct sockaddr_in6 *)ss)->sin6_port
                                         : ((const struct sockaddr_in *)ss)->sin_port);
}

static struct sockaddr_in6 six(const char *addr, int port) {
  struct sockaddr_in6 a;
  memset(&a, 0, sizeof a);
  a.sin6_family = AF_INET6;
  a.sin6_port = htons(port);
  inet_pton(AF_INET6, addr, &a.sin6_addr);
  return a;
}

static struct sockaddr_in four(const char *addr, int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  inet_pton(AF_INET, addr, &a.sin_addr);
  return a;
}

int main(void) {
  int one = 1, zero = 0, v = -1;
  socklen_t vl = sizeof v;
  struct sockaddr_storage ss;
  socklen_t sl;
  char b[64];

  // ---- TCP: one [::] listener, both families
  int l = socket(AF_INET6, SOCK_STREAM, 0);
  REQUIRE(l >= 0);
  REQUIRE(getsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &v, &vl) == 0);
  printf("IPV6_V6ONLY default: %d\n", v);
  REQUIRE(setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero) == 0);
  struct sockaddr_in6 any = six("::", 0);
  REQUIRE(bind(l, SA(any), sizeof any) == 0 && listen(l, 8) == 0);
  REQUIRE(setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) == -1 && errno == EINVAL);
  sl = sizeof ss;
  REQUIRE(getsockname(l, SA(ss), &sl) == 0 && sl == sizeof(struct sockaddr_in6));
  int port = port_of(&ss);
  printf("listener: %s\n", name(&ss));

  int c6 = socket(AF_INET6, SOCK_STREAM, 0), c4 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in6 lo6 = six("::1", port);
  struct sockaddr_in lo4 = four("127.0.0.1", port);
  REQUIRE(connect(c6, SA(lo6), sizeof lo6) == 0);
  REQUIRE(connect(c4, SA(lo4), sizeof lo4) == 0);
  REQUIRE(send(c6, "via six", 7, 0) == 7 && send(c4, "via four", 8, 0) == 8);
  // poll on the listener sees both pending connections
  int served = 0;
  char lines[2][160]; // printed sorted: the accept order may differ
  for (int round = 0; served < 2; round++) {
    REQUIRE(round < 20);
    struct pollfd p = {l, POLLIN, 0};
    REQUIRE(poll(&p, 1, 5000) == 1 && (p.revents & POLLIN));
    sl = sizeof ss;
    int s = accept(l, SA(ss), &sl);
    REQUIRE(s >= 0 && sl == sizeof(struct sockaddr_in6) && ss.ss_family == AF_INET6);
    int r = recv(s, b, sizeof b - 1, 0);
    REQUIRE(r > 0);
    b[r] = 0;
    // which client: by its message, so the output is in a fixed order below
    int k = snprintf(lines[served], sizeof lines[served], "said \"%s\": accepted %s", b, name(&ss));
    struct sockaddr_storage me;
    socklen_t ml = sizeof me;
    REQUIRE(getsockname(s, SA(me), &ml) == 0 && ml == sizeof(struct sockaddr_in6));
    snprintf(lines[served] + k, sizeof lines[served] - k, ", local name %s", name(&me));
    REQUIRE(send(s, b, r, 0) == r);
    close(s);
    served++;
  }
  if (strcmp(lines[0], lines[1]) > 0) { char t[160]; strcpy(t, lines[0]); strcpy(lines[0], lines[1]); strcpy(lines[1], t); }
  printf("%s\n%s\n", lines[0], lines[1]);
  REQUIRE(recv(c6, b, 7, MSG_WAITALL) == 7 && !memcmp(b, "via six", 7));
  REQUIRE(recv(c4, b, 8, MSG_WAITALL) == 8 && !memcmp(b, "via four", 8));
  close(c6); close(c4);

  // ---- an AF_INET6 client to a v4-mapped address, against an IPv4 listener
  int l4 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a4 = four("127.0.0.1", 0);
  REQUIRE(bind(l4, SA(a4), sizeof a4) == 0 && listen(l4, 4) == 0);
  sl = sizeof a4;
  REQUIRE(getsockname(l4, SA(a4), &sl) == 0);
  int cm = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 mapped = six("::ffff:127.0.0.1", ntohs(a4.sin_port));
  REQUIRE(connect(cm, SA(mapped), sizeof mapped) == 0);
  sl = sizeof ss;
  REQUIRE(getpeername(cm, SA(ss), &sl) == 0 && sl == sizeof(struct sockaddr_in6));
  printf("mapped connect, peer: %s, same port: %d\n", name(&ss), port_of(&ss) == ntohs(a4.sin_port));
  sl = sizeof ss;
  REQUIRE(getsockname(cm, SA(ss), &sl) == 0);
  printf("mapped connect, local: %s\n", name(&ss));
  int s4 = accept(l4, SA(ss), &(socklen_t){sizeof ss});
  REQUIRE(s4 >= 0);
  printf("the IPv4 server sees: %s\n", name(&ss));
  REQUIRE(send(cm, "m", 1, 0) == 1 && recv(s4, b, 1, 0) == 1 && b[0] == 'm');
  REQUIRE(send(s4, "n", 1, 0) == 1 && recv(cm, b, 1, 0) == 1 && b[0] == 'n');
  close(s4); close(cm);

  // options set before connect survive it when a [::]-bound socket talks IPv4
  // (libc swaps its hidden IPv4 twin in: every option must come along)
  int cb = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 any6 = six("::", 0);
  int uto = 777;
  REQUIRE(bind(cb, SA(any6), sizeof any6) == 0);
  REQUIRE(setsockopt(cb, IPPROTO_TCP, TCP_USER_TIMEOUT, &uto, sizeof uto) == 0);
  REQUIRE(connect(cb, SA(mapped), sizeof mapped) == 0);
  uto = 0;
  vl = sizeof uto;
  REQUIRE(getsockopt(cb, IPPROTO_TCP, TCP_USER_TIMEOUT, &uto, &vl) == 0);
  printf("bound to [::], mapped connect keeps TCP_USER_TIMEOUT: %d\n", uto);
  REQUIRE(uto == 777);
  int sb = accept(l4, NULL, NULL);
  REQUIRE(sb >= 0);
  close(sb); close(cb); close(l4);

  // ---- V6ONLY=1: single family; the IPv4 port stays free for a second socket
  int o6 = socket(AF_INET6, SOCK_STREAM, 0);
  REQUIRE(setsockopt(o6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) == 0);
  vl = sizeof v;
  REQUIRE(getsockopt(o6, IPPROTO_IPV6, IPV6_V6ONLY, &v, &vl) == 0 && v == 1);
  REQUIRE(bind(o6, SA(any), sizeof any) == 0 && listen(o6, 4) == 0);
  sl = sizeof ss;
  REQUIRE(getsockname(o6, SA(ss), &sl) == 0);
  int oport = port_of(&ss);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in t4 = four("127.0.0.1", oport);
  int r = connect(c, SA(t4), sizeof t4);
  printf("IPv4 connect to a v6-only listener: %s\n", r == 0 ? "connected" : errno == ECONNREFUSED ? "ECONNREFUSED" : "other");
  close(c);
  int o4 = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in b4 = four("0.0.0.0", oport);
  REQUIRE(setsockopt(o4, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  r = bind(o4, SA(b4), sizeof b4);
  printf("IPv4 bind on the v6-only port: %s\n", r == 0 ? "ok" : "failed");
  REQUIRE(r == 0 && listen(o4, 1) == 0);
  // ...and a dual-stack bind on that port now finds its IPv4 half taken
  int d = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 b6 = six("::", oport);
  close(o6); // the v6-only socket goes; only the IPv4 one holds the port
  REQUIRE(setsockopt(d, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0);
  r = bind(d, SA(b6), sizeof b6);
  printf("dual bind with the IPv4 port taken: %s\n", r == 0 ? "ok" : errno == EADDRINUSE ? "EADDRINUSE" : "other");
  close(d); close(o4);

  // ---- UDP on [::]: IPv4 and IPv6 senders, answers to both
  int u = socket(AF_INET6, SOCK_DGRAM, 0);
  REQUIRE(bind(u, SA(any), sizeof any) == 0);
  sl = sizeof ss;
  REQUIRE(getsockname(u, SA(ss), &sl) == 0);
  int uport = port_of(&ss);
  int u6 = socket(AF_INET6, SOCK_DGRAM, 0), u4 = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in6 ut6 = six("::1", uport);
  struct sockaddr_in ut4 = four("127.0.0.1", uport);
  REQUIRE(sendto(u6, "six", 3, 0, SA(ut6), sizeof ut6) == 3);
  REQUIRE(sendto(u4, "four", 4, 0, SA(ut4), sizeof ut4) == 4);
  for (int i = 0; i < 2; i++) {
    struct pollfd p = {u, POLLIN, 0};
    char *line = lines[i];
    REQUIRE(poll(&p, 1, 5000) == 1);
    struct sockaddr_storage from;
    socklen_t fl = sizeof from;
    r = recvfrom(u, b, sizeof b, 0, SA(from), &fl);
    REQUIRE(r > 0 && fl == sizeof(struct sockaddr_in6));
    b[r] = 0;
    snprintf(line, sizeof lines[i], "udp \"%s\" from %s", b, name(&from));
    REQUIRE(sendto(u, b, r, 0, SA(from), fl) == r);
  }
  if (strcmp(lines[0], lines[1]) > 0) { char t[160]; strcpy(t, lines[0]); strcpy(lines[0], lines[1]); strcpy(lines[1], t); }
  printf("%s\n%s\n", lines[0], lines[1]);
  REQUIRE(recv(u6, b, sizeof b, 0) == 3 && !memcmp(b, "six", 3));
  struct sockaddr_in back;
  socklen_t bl = sizeof back;
  REQUIRE(recvfrom(u4, b, sizeof b, 0, SA(back), &bl) == 4 && !memcmp(b, "four", 4));
  printf("the IPv4 sender got its answer from port %s\n", ntohs(back.sin_port) == uport ? "the [::] one" : "another");
  // an AF_INET6 UDP socket sends to ::ffff:127.0.0.1 itself
  int um = socket(AF_INET6, SOCK_DGRAM, 0);
  struct sockaddr_in ub = four("127.0.0.1", 0);
  REQUIRE(bind(u4, SA(ub), sizeof ub) == -1); // already bound (implicitly)
  bl = sizeof ub;
  REQUIRE(getsockname(u4, SA(ub), &bl) == 0);
  struct sockaddr_in6 um_to = six("::ffff:127.0.0.1", ntohs(ub.sin_port));
  REQUIRE(sendto(um, "mapped", 6, 0, SA(um_to), sizeof um_to) == 6);
  bl = sizeof back;
  REQUIRE(recvfrom(u4, b, sizeof b, 0, SA(back), &bl) == 6 && !memcmp(b, "mapped", 6));
  printf("udp to ::ffff:127.0.0.1 arrives from %s\n", name((struct sockaddr_storage *)&back));
  // and a connected one
  int uc = socket(AF_INET6, SOCK_DGRAM, 0);
  REQUIRE(connect(uc, SA(um_to), sizeof um_to) == 0);
  REQUIRE(send(uc, "conn", 4, 0) == 4);
  REQUIRE(recvfrom(u4, b, sizeof b, 0, SA(back), &(socklen_t){sizeof back}) == 4);
  REQUIRE(sendto(u4, "reply", 5, 0, SA(back), sizeof back) == 5);
  struct sockaddr_storage from;
  socklen_t fl = sizeof from;
  REQUIRE(recvfrom(uc, b, sizeof b, 0, SA(from), &fl) == 5 && fl == sizeof(struct sockaddr_in6));
  printf("connected mapped udp: reply from %s\n", name(&from));
  sl = sizeof ss;
  REQUIRE(getpeername(uc, SA(ss), &sl) == 0);
  printf("  its peer: %s\n", name(&ss));
  close(uc); close(um); close(u); close(u6); close(u4);
  close(l);
  printf("ok\n");
  return CHECK_DONE();
}
