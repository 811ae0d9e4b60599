// On a connected TCP socket recvfrom and recvmsg fill no address and set
// its length to 0, as Linux does (also at EOF); a NULL address leaves the
// length alone; a UDP socket still reports the sender.  Close-on-exec per
// socket fd: socket(SOCK_CLOEXEC), accept4(SOCK_CLOEXEC) set it, accept and
// dup do not, F_SETFD changes one fd only.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int cloexec(int fd) { int r = fcntl(fd, F_GETFD); return r < 0 ? -1 : (r & FD_CLOEXEC) != 0; }

int main(void) {
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  OK(l >= 0 && cloexec(l) == 1);
  OK(bind(l, (struct sockaddr *)&a, sizeof a) == 0 && listen(l, 4) == 0);
  OK(getsockname(l, (struct sockaddr *)&a, &al) == 0);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  OK(c >= 0 && cloexec(c) == 0);
  OK(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
  OK(s >= 0 && cloexec(s) == 1);
  int c2 = socket(AF_INET, SOCK_STREAM, 0);
  OK(connect(c2, (struct sockaddr *)&a, sizeof a) == 0);
  int s2 = accept(l, NULL, NULL);
  OK(s2 >= 0 && cloexec(s2) == 0);
  int d = dup(s);
  OK(d >= 0 && cloexec(d) == 0 && cloexec(s) == 1);
  OK(fcntl(d, F_SETFD, FD_CLOEXEC) == 0 && fcntl(s, F_SETFD, 0) == 0 && cloexec(d) == 1 && cloexec(s) == 0);
  int f = fcntl(s2, F_DUPFD_CLOEXEC, 0);
  OK(f >= 0 && cloexec(f) == 1 && cloexec(s2) == 0);
  close(f);
  close(d);

  // recvfrom on the connected stream: length 0, address untouched
  char buf[16];
  struct sockaddr_in6 from;
  memset(&from, 0xab, sizeof from);
  socklen_t fl = sizeof from;
  OK(send(c, "hello", 5, 0) == 5);
  OK(recvfrom(s, buf, 5, MSG_WAITALL, (struct sockaddr *)&from, &fl) == 5 && !memcmp(buf, "hello", 5));
  OK(fl == 0);
  OK(((unsigned char *)&from)[0] == 0xab && ((unsigned char *)&from)[1] == 0xab);
  // no address buffer: the length is left alone
  fl = 77;
  OK(send(c, "x", 1, 0) == 1 && recvfrom(s, buf, sizeof buf, 0, NULL, &fl) == 1 && fl == 77);
  // recvmsg: msg_namelen 0
  OK(send(c, "world", 5, 0) == 5);
  struct iovec iov = { buf, 5 };
  struct msghdr mh = {0};
  mh.msg_name = &from;
  mh.msg_namelen = sizeof from;
  mh.msg_iov = &iov;
  mh.msg_iovlen = 1;
  OK(recvmsg(s, &mh, MSG_WAITALL) == 5 && !memcmp(buf, "world", 5) && mh.msg_namelen == 0 && mh.msg_flags == 0);
  // ...also at EOF
  OK(shutdown(c, SHUT_WR) == 0);
  fl = sizeof from;
  OK(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl) == 0 && fl == 0);
  mh.msg_namelen = sizeof from;
  OK(recvmsg(s, &mh, 0) == 0 && mh.msg_namelen == 0);

  // a datagram socket, connected or not, names the sender
  int u = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), v = socket(AF_INET, SOCK_DGRAM, 0);
  OK(u >= 0 && v >= 0 && cloexec(u) == 1 && cloexec(v) == 0);
  struct sockaddr_in ua = a, va = a;
  ua.sin_port = va.sin_port = 0;
  al = sizeof ua;
  OK(bind(u, (struct sockaddr *)&ua, sizeof ua) == 0 && getsockname(u, (struct sockaddr *)&ua, &al) == 0);
  al = sizeof va;
  OK(bind(v, (struct sockaddr *)&va, sizeof va) == 0 && getsockname(v, (struct sockaddr *)&va, &al) == 0);
  OK(connect(u, (struct sockaddr *)&va, sizeof va) == 0);
  OK(sendto(v, "dg", 2, 0, (struct sockaddr *)&ua, sizeof ua) == 2);
  struct sockaddr_in got;
  fl = sizeof got;
  OK(recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&got, &fl) == 2 && fl == sizeof got);
  OK(got.sin_family == AF_INET && got.sin_port == va.sin_port);

  close(u); close(v); close(s); close(s2); close(c); close(c2); close(l);
  return CHECK_DONE();
}
