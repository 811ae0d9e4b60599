// socketpair(AF_UNIX): both directions of SOCK_STREAM and SOCK_DGRAM
// pairs, read/write and send/recv, MSG_PEEK, MSG_DONTWAIT, MSG_TRUNC,
// datagram boundaries, shutdown (mirrored on a stream peer), poll
// readiness, EOF and EPIPE after the peer closes, ECONNREFUSED/ENOTCONN on
// a datagram end whose peer is gone, FIONREAD, socket options and names,
// and the errors of calls a socketpair end cannot do.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include "check.h"
#include "oracle.h"

static int show_poll(const char *what, int fd) {
  struct pollfd p = {fd, POLLIN | POLLOUT, 0};
  int n = poll(&p, 1, 0);
  printf("%s: %d %s\n", what, n, pev(p.revents));
  return n;
}

int main(void) {
  int sv[2];
  char b[256];
  signal(SIGPIPE, SIG_IGN); // our default; Linux's would kill at the first EPIPE
  // ---- stream
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  REQUIRE(sv[0] >= 0 && sv[1] >= 0 && sv[0] != sv[1]);
  show_poll("stream fresh", sv[0]);
  REQUIRE(write(sv[0], "hello", 5) == 5);
  REQUIRE(send(sv[0], " world", 6, 0) == 6);
  show_poll("stream with data", sv[1]);
  int n = -1;
  REQUIRE(ioctl(sv[1], FIONREAD, &n) == 0);
  printf("FIONREAD: %d\n", n);
  SHOW("peek 5", recv(sv[1], b, 5, MSG_PEEK));
  SHOW("read all", read(sv[1], b, sizeof b));
  REQUIRE(!memcmp(b, "hello world", 11));
  SHOW("dontwait on empty", recv(sv[1], b, sizeof b, MSG_DONTWAIT));
  // the other direction, and a gathered write read back in pieces
  struct iovec iov[3] = {{"ab", 2}, {"", 0}, {"cdef", 4}};
  REQUIRE(writev(sv[1], iov, 3) == 6);
  SHOW("read 4 of 6", read(sv[0], b, 4));
  SHOW("read rest", read(sv[0], b + 4, 10));
  REQUIRE(!memcmp(b, "abcdef", 6));
  // MSG_WAITALL gathers what is queued
  REQUIRE(write(sv[0], "12", 2) == 2 && write(sv[0], "345", 3) == 3);
  SHOW("waitall 5", recv(sv[1], b, 5, MSG_WAITALL));
  // options and names
  int v; socklen_t vl = sizeof v;
  REQUIRE(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &vl) == 0 && v == SOCK_STREAM);
  vl = sizeof v;
  REQUIRE(getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &v, &vl) == 0 && v == AF_UNIX);
  vl = sizeof v;
  REQUIRE(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, &vl) == 0 && v == 0);
  struct sockaddr_un un; socklen_t ul = sizeof un;
  REQUIRE(getsockname(sv[0], (struct sockaddr *)&un, &ul) == 0 && un.sun_family == AF_UNIX);
  printf("getsockname length: %d\n", (int)ul);
  ul = sizeof un;
  REQUIRE(getpeername(sv[0], (struct sockaddr *)&un, &ul) == 0 && un.sun_family == AF_UNIX);
  struct stat st;
  REQUIRE(fstat(sv[0], &st) == 0 && S_ISSOCK(st.st_mode));
  SHOW("listen", listen(sv[0], 1) == -1 ? -1 : 0);
  // shutdown(SHUT_WR) on one end: the peer reads EOF, the end's writes fail
  REQUIRE(write(sv[0], "last", 4) == 4);
  REQUIRE(shutdown(sv[0], SHUT_WR) == 0);
  SHOW("write after SHUT_WR", write(sv[0], "x", 1));
  show_poll("peer after SHUT_WR", sv[1]);
  SHOW("peer reads queued", read(sv[1], b, sizeof b));
  SHOW("peer reads EOF", read(sv[1], b, sizeof b));
  // the other direction still works
  REQUIRE(write(sv[1], "back", 4) == 4);
  SHOW("half-closed end still reads", read(sv[0], b, sizeof b));
  CHECK_ERRNO(shutdown(sv[0], 99), EINVAL);
  // close: the peer reads what is queued, then EOF; writes get EPIPE
  REQUIRE(write(sv[1], "bye", 3) == 3);
  REQUIRE(close(sv[1]) == 0);
  show_poll("stream after peer close", sv[0]);
  SHOW("read after peer close", read(sv[0], b, sizeof b));
  SHOW("then", read(sv[0], b, sizeof b));
  SHOW("send to closed peer", send(sv[0], "x", 1, MSG_NOSIGNAL));
  REQUIRE(close(sv[0]) == 0);

  // a peer closed with unread data: reset
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) == 0);
  REQUIRE(fcntl(sv[0], F_GETFL) & O_NONBLOCK);
  REQUIRE(write(sv[0], "unread", 6) == 6);
  REQUIRE(close(sv[1]) == 0);
  show_poll("after a reset", sv[0]);
  SHOW("read after a reset", read(sv[0], b, sizeof b));
  SHOW("then", read(sv[0], b, sizeof b));
  close(sv[0]);

  // SHUT_RD on one end: its reads end, the peer's writes fail
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  REQUIRE(shutdown(sv[0], SHUT_RD) == 0);
  SHOW("read after SHUT_RD", read(sv[0], b, sizeof b));
  SHOW("peer write after SHUT_RD", send(sv[1], "x", 1, MSG_NOSIGNAL));
  show_poll("SHUT_RD end", sv[0]);
  REQUIRE(shutdown(sv[0], SHUT_WR) == 0);
  show_poll("SHUT_RDWR end", sv[0]);
  show_poll("its peer", sv[1]);
  close(sv[0]); close(sv[1]);

  // non-blocking fill: EAGAIN once full, writable again after a drain
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  char *big = malloc(1 << 20);
  memset(big, 'z', 1 << 20);
  ssize_t w = send(sv[0], big, 1 << 20, MSG_DONTWAIT);
  REQUIRE(w > 0 && w < (1 << 20));
  SHOW("send when full", send(sv[0], big, 1, MSG_DONTWAIT));
  size_t got = 0;
  for (;;) {
    ssize_t r = recv(sv[1], big, 1 << 20, MSG_DONTWAIT);
    if (r < 0) { REQUIRE(errno == EAGAIN); break; }
    got += r;
  }
  REQUIRE(got == (size_t)w);
  printf("drained all that was accepted\n");
  show_poll("after the drain", sv[0]);
  free(big);
  close(sv[0]); close(sv[1]);

  // ---- datagrams
  REQUIRE(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
  vl = sizeof v;
  REQUIRE(getsockopt(sv[1], SOL_SOCKET, SO_TYPE, &v, &vl) == 0 && v == SOCK_DGRAM);
  REQUIRE(send(sv[0], "one", 3, 0) == 3);
  REQUIRE(write(sv[0], "two!", 4) == 4);
  REQUIRE(send(sv[0], "", 0, 0) == 0);
  REQUIRE(send(sv[0], "three", 5, 0) == 5);
  n = -1;
  REQUIRE(ioctl(sv[1], FIONREAD, &n) == 0);
  printf("dgram FIONREAD: %d\n", n);
  SHOW("dgram peek", recv(sv[1], b, sizeof b, MSG_PEEK));
  SHOW("dgram 1", recv(sv[1], b, sizeof b, 0));
  SHOW("dgram 2 into 2 bytes", recv(sv[1], b, 2, 0));
  SHOW("dgram empty one", recv(sv[1], b, sizeof b, 0));
  struct iovec riov = {b, 2};
  struct msghdr m = {0};
  char name[64];
  m.msg_name = name; m.msg_namelen = sizeof name;
  m.msg_iov = &riov; m.msg_iovlen = 1;
  SHOW("recvmsg 3 into 2", recvmsg(sv[1], &m, 0));
  printf("flags MSG_TRUNC: %d, namelen %d\n", !!(m.msg_flags & MSG_TRUNC), (int)m.msg_namelen);
  SHOW("dgram dontwait on empty", recv(sv[1], b, sizeof b, MSG_DONTWAIT));
  REQUIRE(send(sv[1], "reply", 5, 0) == 5);
  socklen_t fl = sizeof name;
  SHOW("recvfrom reply", recvfrom(sv[0], b, sizeof b, 0, (struct sockaddr *)name, &fl));
  printf("fromlen: %d\n", (int)fl);
  SHOW("MSG_TRUNC real size", (send(sv[1], "0123456789", 10, 0), recv(sv[0], b, 4, MSG_TRUNC)));
  show_poll("dgram idle", sv[0]);
  REQUIRE(close(sv[1]) == 0);
  show_poll("dgram after peer close", sv[0]);
  SHOW("dgram send to closed peer", send(sv[0], "x", 1, 0));
  SHOW("and again", send(sv[0], "x", 1, 0));
  SHOW("dgram recv, peer closed", recv(sv[0], b, sizeof b, MSG_DONTWAIT));
  close(sv[0]);

  // shutdown on a datagram pair is local
  REQUIRE(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
  REQUIRE(shutdown(sv[0], SHUT_WR) == 0);
  SHOW("dgram send after SHUT_WR", send(sv[0], "x", 1, 0));
  show_poll("dgram peer of SHUT_WR", sv[1]);
  REQUIRE(shutdown(sv[1], SHUT_RD) == 0);
  SHOW("dgram read after SHUT_RD", recv(sv[1], b, sizeof b, 0));
  close(sv[0]); close(sv[1]);
  REQUIRE(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
  REQUIRE(shutdown(sv[1], SHUT_RD) == 0);
  SHOW("dgram send to a SHUT_RD peer", send(sv[0], "x", 1, 0));
  close(sv[0]); close(sv[1]);

  // bad arguments
  CHECK_ERRNO(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
  CHECK_ERRNO(socketpair(AF_UNIX, SOCK_STREAM, 17, sv), EPROTONOSUPPORT);
#ifdef __wasi__
  // no named AF_UNIX sockets here (no socket files in WASI)
  CHECK_ERRNO(socket(AF_UNIX, SOCK_STREAM, 0), EAFNOSUPPORT);
#endif
  printf("ok\n");
  return CHECK_DONE();
}
