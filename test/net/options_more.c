// Issue 4 items not covered elsewhere: SOCK_CLOEXEC/NONBLOCK, ioctl FIONBIO and
// FIONREAD on sockets, IP_TTL, IPV6_UNICAST_HOPS, TCP_KEEPINTVL/KEEPCNT, SO_RCVBUF/
// SO_SNDBUF, SO_ACCEPTCONN before/after listen, accept4 flags, sendmsg gather,
// ppoll, inet_aton, gethostbyaddr, if_nametoindex, sendto/connect bad input.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/select.h>
#include <unistd.h>
#include "check.h"
int main(void) {
  int v; socklen_t vl = sizeof v;
  int t = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  OK(t >= 0);
  OK(fcntl(t, F_GETFD) == FD_CLOEXEC);
  OK((fcntl(t, F_GETFL) & O_NONBLOCK) != 0);
  v = 0; OK(ioctl(t, FIONBIO, &v) == 0 && (fcntl(t, F_GETFL) & O_NONBLOCK) == 0);
  v = 1; OK(ioctl(t, FIONBIO, &v) == 0 && (fcntl(t, F_GETFL) & O_NONBLOCK) != 0);
  v = 0; OK(ioctl(t, FIONBIO, &v) == 0);
  v = 64; OK(setsockopt(t, IPPROTO_IP, IP_TTL, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, IPPROTO_IP, IP_TTL, &v, &vl) == 0 && v == 64);
  v = 7; OK(setsockopt(t, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, IPPROTO_TCP, TCP_KEEPINTVL, &v, &vl) == 0 && v == 7);
  v = 5; OK(setsockopt(t, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, IPPROTO_TCP, TCP_KEEPCNT, &v, &vl) == 0 && v == 5);
  v = 65536; OK(setsockopt(t, SOL_SOCKET, SO_RCVBUF, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, SOL_SOCKET, SO_RCVBUF, &v, &vl) == 0 && v > 0); printf("rcvbuf %d\n", v);
  v = 65536; OK(setsockopt(t, SOL_SOCKET, SO_SNDBUF, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, SOL_SOCKET, SO_SNDBUF, &v, &vl) == 0 && v > 0); printf("sndbuf %d\n", v);
  v = 1; vl = sizeof v; OK(getsockopt(t, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl) == 0 && v == 0);
  errno = 0; OK(setsockopt(t, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, sizeof v) == -1); printf("v6 opt on v4 errno %d\n", errno);
  struct sockaddr_in a = check_lo4(0);
  OK(bind(t, (struct sockaddr*)&a, sizeof a) == 0);
  OK(listen(t, 4) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(t, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl) == 0 && v == 1);
  socklen_t al = sizeof a; getsockname(t, (struct sockaddr*)&a, &al);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  OK(connect(c, (struct sockaddr*)&a, sizeof a) == 0);
  int s = accept4(t, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
  OK(s >= 0);
  OK(fcntl(s, F_GETFD) == FD_CLOEXEC && (fcntl(s, F_GETFL) & O_NONBLOCK));
  errno = 0; OK(accept4(t, NULL, NULL, 0x1234) == -1 && errno == EINVAL);
  char m1[] = "hel", m2[] = "lo!";
  struct iovec iov[2] = {{m1, 3}, {m2, 3}};
  struct msghdr mh = {0}; mh.msg_iov = iov; mh.msg_iovlen = 2;
  OK(sendmsg(c, &mh, 0) == 6);
  struct pollfd p = {s, POLLIN, 0};
  OK(poll(&p, 1, 2000) == 1);
  usleep(50000);
  int n = -1; OK(ioctl(s, FIONREAD, &n) == 0 && n == 6); printf("fionread %d\n", n);
  struct timespec ts = {2, 0}; sigset_t ss; sigemptyset(&ss);
  OK(ppoll(&p, 1, &ts, &ss) == 1);
  char buf[16]; OK(recv(s, buf, 16, 0) == 6 && !memcmp(buf, "hello!", 6));
  n = -1; OK(ioctl(c, FIONREAD, &n) == 0 && n == 0);
  int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
  v = 9; OK(setsockopt(u6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, sizeof v) == 0);
  v = 0; vl = sizeof v; OK(getsockopt(u6, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, &vl) == 0 && v == 9);
  v = 0; vl = sizeof v; OK(getsockopt(u6, SOL_SOCKET, SO_PROTOCOL, &v, &vl) == 0 && v == IPPROTO_UDP);
  v = 0; vl = sizeof v; OK(getsockopt(u6, SOL_SOCKET, SO_DOMAIN, &v, &vl) == 0 && v == AF_INET6);
  close(u6);
  struct in_addr ia; OK(inet_aton("10.1.2.3", &ia) == 1 && ia.s_addr == htonl(0x0a010203));
  OK(inet_aton("bad", &ia) == 0);
  struct in_addr lo4 = { htonl(INADDR_LOOPBACK) };
  struct hostent *he = gethostbyaddr(&lo4, sizeof lo4, AF_INET);
  OK(he != NULL); if (he) printf("gethostbyaddr: %s\n", he->h_name);
  errno = 0; unsigned ix = if_nametoindex("lo"); printf("if_nametoindex(lo)=%u errno %d\n", ix, errno);
  struct sockaddr_in6 b6 = {0}; b6.sin6_family = AF_INET6;
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  errno = 0; OK(sendto(u, "x", 1, 0, (struct sockaddr*)&b6, sizeof b6) == -1 && errno == EAFNOSUPPORT);
  errno = 0; OK(connect(u, NULL, sizeof a) == -1 && errno == EFAULT);
  errno = 0; OK(connect(u, (struct sockaddr*)&a, 2) == -1 && errno == EINVAL);
  errno = 0; OK(socket(AF_INET6, SOCK_RAW, 0) == -1); printf("raw6 errno %d\n", errno);
  errno = 0; OK(socket(AF_INET, SOCK_SEQPACKET, 0) == -1); printf("seqpacket errno %d\n", errno);
  close(u); close(s); close(c); close(t);
  return CHECK_DONE();
}
