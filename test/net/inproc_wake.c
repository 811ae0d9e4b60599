// In-process fds wake waits: an alarm handler writes to an eventfd (and to
// a socketpair) while the program blocks in poll() with no timeout, in a
// blocking eventfd read, or in a blocking socketpair recv; poll() over an
// in-process fd that is ready returns at once even when a TCP listener in
// the same set has nothing; SO_RCVTIMEO bounds a socketpair recv;
// epoll_wait(-1) over them is woken (EINTR or the events) by the handler.
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int efd, sp[2];
static void on_alarm(int sig) {
  (void)sig;
  eventfd_write(efd, 7);
  send(sp[1], "!", 1, MSG_DONTWAIT);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  REQUIRE((efd = eventfd(0, 0)) >= 0);
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sp) == 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  REQUIRE(sigaction(SIGALRM, &sa, NULL) == 0);

  // poll(-1) over both: the handler makes them ready, poll reports them
  // (Linux: a handler that ran makes poll fail with EINTR, or return the
  // ready fds when they are ready by then; both are accepted here)
  struct pollfd p[2] = {{efd, POLLIN, 0}, {sp[0], POLLIN, 0}};
  alarm(1);
  int n = poll(p, 2, -1);
  REQUIRE(n == 2 || (n == -1 && errno == EINTR));
  p[0].revents = p[1].revents = 0;
  REQUIRE(poll(p, 2, 0) == 2 && (p[0].revents & POLLIN) && (p[1].revents & POLLIN));
  uint64_t v;
  char c;
  REQUIRE(read(efd, &v, 8) == 8 && v == 7);
  REQUIRE(recv(sp[0], &c, 1, 0) == 1 && c == '!');
  printf("poll(-1) woken by the handler's writes\n");

  // a blocking eventfd read: EINTR (no SA_RESTART) and the counter is there
  alarm(1);
  ssize_t r = read(efd, &v, 8);
  REQUIRE(r == 8 ? v == 7 : (errno == EINTR && read(efd, &v, 8) == 8 && v == 7));
  REQUIRE(recv(sp[0], &c, 1, 0) == 1 && c == '!');
  printf("blocking eventfd read woken\n");

  // a ready in-process fd next to an idle TCP listener: poll(-1) returns at once
  int l = check_listen(AF_INET, NULL);
  REQUIRE(l >= 0);
  REQUIRE(eventfd_write(efd, 1) == 0);
  struct pollfd q[2] = {{l, POLLIN, 0}, {efd, POLLIN, 0}};
  double t0 = now();
  REQUIRE(poll(q, 2, -1) == 1 && q[1].revents == POLLIN && q[0].revents == 0);
  REQUIRE(now() - t0 < 0.5);
  REQUIRE(read(efd, &v, 8) == 8);
  // and nothing ready: poll with a timeout waits on the listener and times out
  q[0].revents = q[1].revents = 0;
  t0 = now();
  REQUIRE(poll(q, 2, 300) == 0);
  REQUIRE(now() - t0 >= 0.25);
  printf("in-process fds mix with host sockets in one poll\n");

  // SO_RCVTIMEO on a socketpair end
  struct timeval tv = {0, 200000};
  REQUIRE(setsockopt(sp[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
  t0 = now();
  REQUIRE(recv(sp[0], &c, 1, 0) == -1 && errno == EAGAIN);
  REQUIRE(now() - t0 >= 0.15);
  printf("SO_RCVTIMEO bounds a socketpair recv\n");

  // epoll_wait(-1) over the eventfd, the socketpair and the idle listener
  int ep = epoll_create1(0);
  struct epoll_event e = {EPOLLIN, {.u64 = 1}};
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &e) == 0);
  e.data.u64 = 2;
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, sp[0], &e) == 0);
  e.data.u64 = 3;
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, l, &e) == 0);
  struct epoll_event got[4];
  alarm(1);
  n = epoll_wait(ep, got, 4, -1);
  REQUIRE(n == 2 || (n == -1 && errno == EINTR));
  REQUIRE(epoll_wait(ep, got, 4, 0) == 2 && got[0].data.u64 + got[1].data.u64 == 3);
  REQUIRE(read(efd, &v, 8) == 8 && recv(sp[0], &c, 1, 0) == 1);
  REQUIRE(epoll_wait(ep, got, 4, 0) == 0);
  close(ep);
  printf("epoll_wait(-1) woken by the handler's writes\n");

  close(l); close(efd); close(sp[0]); close(sp[1]);
  printf("ok\n");
  return CHECK_DONE();
}
