// wasm client against a native echo server: blocking TCP round trips
// (IPv4 and ::1), UDP echo, peer reset -> ECONNRESET, write after the
// peer closed -> EPIPE (no signal), and 10,000 64-byte round trips timed.
//! native: echo_server.c
//! timeout: 120
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int port;

int main(void) {
  const char *ps = getenv("NATIVE_PORT");
  REQUIRE(ps);
  port = atoi(ps);
  char buf[256];

  int c = check_connect(AF_INET, port);
  REQUIRE(c >= 0);
  REQUIRE(send(c, "ping", 4, 0) == 4);
  REQUIRE(recv(c, buf, 4, MSG_WAITALL) == 4 && !memcmp(buf, "ping", 4));
  printf("tcp echo ok\n");

  // round trips
  int n = getenv("ROUNDS") ? atoi(getenv("ROUNDS")) : 10000;
  memset(buf, 'x', 64);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int i = 0; i < n; i++) {
    REQUIRE(send(c, buf, 64, 0) == 64);
    REQUIRE(recv(c, buf + 64, 64, MSG_WAITALL) == 64);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / (n ? n : 1);
  printf("%d round trips of 64 bytes: %.1f us each\n", n, us);
  REQUIRE(close(c) == 0);

  // IPv6 loopback
  int c6 = socket(AF_INET6, SOCK_STREAM, 0);
  REQUIRE(c6 >= 0);
  struct sockaddr_in6 a6 = check_lo6(port);
  REQUIRE(connect(c6, (struct sockaddr *)&a6, sizeof a6) == 0);
  REQUIRE(write(c6, "six", 3) == 3);
  REQUIRE(recv(c6, buf, 3, MSG_WAITALL) == 3 && !memcmp(buf, "six", 3));
  struct sockaddr_in6 p6; socklen_t pl = sizeof p6;
  REQUIRE(getpeername(c6, (struct sockaddr *)&p6, &pl) == 0 && p6.sin6_family == AF_INET6 && ntohs(p6.sin6_port) == port);
  close(c6);
  printf("ipv6 ok\n");

  // UDP echo, unconnected then connected
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  REQUIRE(u >= 0);
  struct sockaddr_in ua = check_lo4(port);
  REQUIRE(sendto(u, "datagram", 8, 0, (struct sockaddr *)&ua, sizeof ua) == 8);
  struct sockaddr_in from; socklen_t fl = sizeof from;
  REQUIRE(recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl) == 8 && !memcmp(buf, "datagram", 8));
  REQUIRE(fl == sizeof from && from.sin_port == ua.sin_port);
  REQUIRE(connect(u, (struct sockaddr *)&ua, sizeof ua) == 0);
  REQUIRE(send(u, "0123456789", 10, 0) == 10);
  struct iovec iov = {buf, 4};
  struct msghdr m = {0};
  m.msg_iov = &iov; m.msg_iovlen = 1;
  REQUIRE(recvmsg(u, &m, 0) == 4 && (m.msg_flags & MSG_TRUNC) && !memcmp(buf, "0123", 4));
  close(u);
  printf("udp ok\n");

  // peer reset
  c = check_connect(AF_INET, port);
  REQUIRE(c >= 0);
  REQUIRE(send(c, "RST", 3, 0) == 3);
  ssize_t r = recv(c, buf, sizeof buf, 0);
  REQUIRE(r == -1 && errno == ECONNRESET);
  close(c);
  printf("reset ok\n");

  // peer closes; writing eventually fails with EPIPE, never a trap or signal
  c = check_connect(AF_INET, port);
  REQUIRE(c >= 0);
  REQUIRE(send(c, "CLOSE", 5, 0) == 5);
  REQUIRE(recv(c, buf, sizeof buf, 0) == 0);
  int e = 0;
  for (int i = 0; i < 200 && !e; i++) {
    if (send(c, buf, 64, MSG_NOSIGNAL) < 0) e = errno;
    else { struct timespec ts = {0, 2000000}; nanosleep(&ts, NULL); }
  }
  REQUIRE(e == EPIPE || e == ECONNRESET);
  close(c);
  printf("epipe ok (%s)\n", strerror(e));
  // a port another process holds
  int b = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in ba = check_lo4(port);
  REQUIRE(bind(b, (struct sockaddr *)&ba, sizeof ba) == -1 && errno == EADDRINUSE);
  close(b);
  printf("ok\n");
  return CHECK_DONE();
}
