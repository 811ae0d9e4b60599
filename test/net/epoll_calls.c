// Guest of epoll_calls.test.mjs: N loopback connections (both ends, 2N+1
// fds with the listener) registered with EPOLLIN, then K epoll_waits.
//   epoll_calls idle K   K x epoll_wait(timeout 0) with nothing ready
//   epoll_calls wake K   K x (one byte sent on connection i, epoll_wait(-1)
//                        reports it, recv takes it)
//   epoll_calls poll K   K x poll(-1) over the same 17 fds with one of them
//                        readable (a byte that is never read): the headline
//                        "poll, one ready" count
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

#define N 8

int main(int argc, char **argv) {
  REQUIRE(argc == 3);
  int wake = !strcmp(argv[1], "wake"), pollmode = !strcmp(argv[1], "poll");
  long k = atol(argv[2]);
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  REQUIRE(bind(l, (struct sockaddr *)&a, sizeof a) == 0 && listen(l, N) == 0);
  REQUIRE(getsockname(l, (struct sockaddr *)&a, &al) == 0);
  int ep = epoll_create1(0);
  struct epoll_event e = {EPOLLIN, {.u64 = 100}};
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, l, &e) == 0);
  int c[N], s[N];
  for (int i = 0; i < N; i++) {
    c[i] = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(connect(c[i], (struct sockaddr *)&a, sizeof a) == 0);
    REQUIRE((s[i] = accept(l, NULL, NULL)) >= 0);
    e.events = EPOLLIN; e.data.u64 = i;
    REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, s[i], &e) == 0);
    e.data.u64 = 50 + i;
    REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, c[i], &e) == 0);
  }
  struct epoll_event ev[4];
  // the first wait subscribes every pollable once; they are kept after
  REQUIRE(epoll_wait(ep, ev, 4, 0) == 0);
  char b[8];
  if (pollmode) {
    struct pollfd p[2 * N + 1];
    p[0].fd = l; p[0].events = POLLIN;
    for (int i = 0; i < N; i++) {
      p[1 + i].fd = s[i]; p[1 + i].events = POLLIN;
      p[1 + N + i].fd = c[i]; p[1 + N + i].events = POLLIN;
    }
    REQUIRE(send(c[0], "x", 1, 0) == 1);
    REQUIRE(poll(p, 2 * N + 1, -1) == 1 && p[1].revents == POLLIN); // the byte has arrived
    for (long r = 0; r < k; r++) REQUIRE(poll(p, 2 * N + 1, -1) == 1 && p[1].revents == POLLIN);
    REQUIRE(recv(s[0], b, sizeof b, 0) == 1);
  }
  for (long r = 0; r < k && !pollmode; r++) {
    if (!wake) {
      REQUIRE(epoll_wait(ep, ev, 4, 0) == 0);
      continue;
    }
    int i = (int)(r % N);
    REQUIRE(send(c[i], "x", 1, 0) == 1);
    REQUIRE(epoll_wait(ep, ev, 4, -1) == 1 && ev[0].data.u64 == (uint64_t)i && ev[0].events == EPOLLIN);
    REQUIRE(recv(s[i], b, sizeof b, 0) == 1);
  }
  for (int i = 0; i < N; i++) { close(c[i]); close(s[i]); }
  close(l);
  close(ep);
  printf("ok %s %ld\n", argv[1], k);
  return CHECK_DONE();
}
