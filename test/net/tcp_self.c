// TCP server and client in one program: non-blocking connect + poll,
// accept, echo, half-close, getsockname/getpeername, dup sharing.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(ls >= 0);
  struct sockaddr_in a = check_lo4(0);
  REQUIRE(bind(ls, (struct sockaddr *)&a, sizeof a) == 0);
  socklen_t al = sizeof a;
  REQUIRE(getsockname(ls, (struct sockaddr *)&a, &al) == 0);
  REQUIRE(ntohs(a.sin_port) != 0);
  REQUIRE(listen(ls, 16) == 0);
  int v = 0; socklen_t vl = sizeof v;
  REQUIRE(getsockopt(ls, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl) == 0 && v == 1);
  printf("listening on %d\n", ntohs(a.sin_port));

  int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(c >= 0);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == -1 && errno == EINPROGRESS);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == -1 && (errno == EALREADY || errno == EISCONN));
  struct pollfd p[2] = {{c, POLLOUT, 0}, {ls, POLLIN, 0}};
  int got_out = 0, got_in = 0;
  for (int i = 0; i < 10 && !(got_out && got_in); i++) {
    int n = poll(p, 2, 5000);
    REQUIRE(n > 0);
    if (p[0].revents & POLLOUT) { got_out = 1; p[0].events = 0; }
    if (p[1].revents & POLLIN) { got_in = 1; p[1].events = 0; }
  }
  REQUIRE(got_out && got_in);
  v = -1; vl = sizeof v;
  REQUIRE(getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &vl) == 0 && v == 0);
  printf("connected\n");
  struct sockaddr_in pa; socklen_t pl = sizeof pa;
  int s = accept(ls, (struct sockaddr *)&pa, &pl);
  REQUIRE(s >= 0);
  REQUIRE(pl == sizeof pa && pa.sin_family == AF_INET && pa.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
  struct sockaddr_in la; socklen_t ll = sizeof la;
  REQUIRE(getsockname(c, (struct sockaddr *)&la, &ll) == 0 && la.sin_port == pa.sin_port);
  REQUIRE(getpeername(c, (struct sockaddr *)&la, &ll) == 0 && la.sin_port == a.sin_port);

  // echo a message through the server side
  REQUIRE(send(c, "hello", 5, 0) == 5);
  char buf[64];
  struct pollfd ps = {s, POLLIN, 0};
  REQUIRE(poll(&ps, 1, 5000) == 1 && (ps.revents & POLLIN));
  REQUIRE(recv(s, buf, sizeof buf, MSG_PEEK) == 5);
  REQUIRE(recv(s, buf, sizeof buf, 0) == 5 && memcmp(buf, "hello", 5) == 0);
  REQUIRE(recv(s, buf, sizeof buf, MSG_DONTWAIT) == -1 && errno == EAGAIN);
  REQUIRE(write(s, "world!", 6) == 6);
  struct pollfd pc = {c, POLLIN, 0};
  REQUIRE(poll(&pc, 1, 5000) == 1);
  REQUIRE(read(c, buf, sizeof buf) == 6 && memcmp(buf, "world!", 6) == 0);
  REQUIRE(read(c, buf, sizeof buf) == -1 && errno == EAGAIN);

  // dup shares the description: O_NONBLOCK seen through both
  int c2 = dup(c);
  REQUIRE(c2 >= 0);
  REQUIRE(fcntl(c2, F_GETFL) & O_NONBLOCK);
  REQUIRE(fcntl(c2, F_SETFL, 0) == 0);
  REQUIRE(!(fcntl(c, F_GETFL) & O_NONBLOCK));
  REQUIRE(close(c) == 0);
  REQUIRE(send(c2, "abc", 3, 0) == 3);   // socket lives on through c2
  REQUIRE(recv(s, buf, 3, MSG_WAITALL) == 3 && memcmp(buf, "abc", 3) == 0);

  // half-close: client shuts its sending side, server sees EOF, replies
  REQUIRE(shutdown(c2, SHUT_WR) == 0);
  REQUIRE(send(c2, "x", 1, MSG_NOSIGNAL) == -1 && errno == EPIPE);
  REQUIRE(recv(s, buf, sizeof buf, 0) == 0);
  REQUIRE(send(s, "bye", 3, 0) == 3);
  REQUIRE(recv(c2, buf, 3, MSG_WAITALL) == 3 && memcmp(buf, "bye", 3) == 0);
  REQUIRE(close(s) == 0);
  REQUIRE(recv(c2, buf, sizeof buf, 0) == 0);
  printf("half-close ok\n");
  REQUIRE(close(c2) == 0);
  REQUIRE(close(c2) == -1 && errno == EBADF);
  REQUIRE(close(ls) == 0);
  printf("ok\n");
  return CHECK_DONE();
}
