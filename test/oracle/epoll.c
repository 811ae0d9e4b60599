// epoll against Linux: create/ctl errors (EINVAL, EBADF, EPERM for a
// regular file, EEXIST, ENOENT, EFAULT, ELOOP), level-triggered readiness
// of every in-process fd kind (pipe, eventfd, socketpair) and stdout,
// EPOLLET (once per edge), EPOLLONESHOT (re-armed by MOD), MOD/DEL, the
// data returned as set, maxevents round-robin, registrations keyed by open
// description (a dup keeps one alive, the last close removes it), nested
// epoll fds in epoll and in poll(), timeouts, and TCP over loopback
// (listener, accepted and connected sockets, EPOLLRDHUP on a peer's FIN).
// argv[1]: a writable directory.
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "oracle.h"

static const char *evn(uint32_t e) {
  static char b[160];
  b[0] = 0;
  if (e & EPOLLIN) strcat(b, "IN ");
  if (e & EPOLLOUT) strcat(b, "OUT ");
  if (e & EPOLLRDNORM) strcat(b, "RDNORM ");
  if (e & EPOLLWRNORM) strcat(b, "WRNORM ");
  if (e & EPOLLRDHUP) strcat(b, "RDHUP ");
  if (e & EPOLLPRI) strcat(b, "PRI ");
  if (e & EPOLLERR) strcat(b, "ERR ");
  if (e & EPOLLHUP) strcat(b, "HUP ");
  if (!b[0]) strcpy(b, "- ");
  b[strlen(b) - 1] = 0;
  return b;
}

// epoll_wait, printed: count, then each event's data and bits, sorted by data
static int show(const char *what, int ep, int max, int timeout) {
  struct epoll_event ev[16];
  int n = epoll_wait(ep, ev, max, timeout);
  printf("%s: %d", what, n);
  if (n < 0) printf(" %s", en(errno));
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (ev[j].data.u64 < ev[i].data.u64) { struct epoll_event t = ev[i]; ev[i] = ev[j]; ev[j] = t; }
  for (int i = 0; i < n; i++) printf(" [%llu %s]", (unsigned long long)ev[i].data.u64, evn(ev[i].events));
  printf("\n");
  return n;
}

static int add(int ep, int fd, uint32_t events, uint64_t data) {
  struct epoll_event e;
  memset(&e, 0, sizeof e);
  e.events = events;
  e.data.u64 = data;
  return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
}

static int mod(int ep, int fd, uint32_t events, uint64_t data) {
  struct epoll_event e;
  memset(&e, 0, sizeof e);
  e.events = events;
  e.data.u64 = data;
  return epoll_ctl(ep, EPOLL_CTL_MOD, fd, &e);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  REQUIRE(argc > 1);
  signal(SIGPIPE, SIG_IGN);
  struct epoll_event e;
  memset(&e, 0, sizeof e);
  uint64_t one = 1, v;
  char b[64];
  int n;

  // ---- creation
  CHECK_ERRNO(epoll_create(0), EINVAL);
  CHECK_ERRNO(epoll_create1(12345678), EINVAL);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  REQUIRE(ep >= 0 && (fcntl(ep, F_GETFD) & FD_CLOEXEC));
  int ep2 = epoll_create(10);
  REQUIRE(ep2 >= 0 && !(fcntl(ep2, F_GETFD) & FD_CLOEXEC));
  CHECK_ERRNO(read(ep, b, 8), EINVAL);

  // ---- epoll_ctl errors
  int efd = eventfd(0, EFD_NONBLOCK);
  REQUIRE(efd >= 0);
  CHECK_ERRNO(add(99, efd, EPOLLIN, 1), EBADF);
  CHECK_ERRNO(add(ep, 99, EPOLLIN, 1), EBADF);
  CHECK_ERRNO(add(efd, ep, EPOLLIN, 1), EINVAL);   // not an epoll fd
  CHECK_ERRNO(add(ep, ep, EPOLLIN, 1), EINVAL);    // itself
  CHECK_ERRNO(epoll_ctl(ep, EPOLL_CTL_ADD, efd, NULL), EFAULT);
  CHECK_ERRNO(mod(ep, efd, EPOLLIN, 1), ENOENT);
  CHECK_ERRNO(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL), ENOENT);
  CHECK_ERRNO(epoll_ctl(ep, 77, efd, &e), EINVAL);
  CHECK_ERRNO(add(ep, efd, EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, 1), EINVAL);
  char path[512];
  snprintf(path, sizeof path, "%s/epoll_regular_file", argv[1]);
  int file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
  REQUIRE(file >= 0);
  CHECK_ERRNO(add(ep, file, EPOLLIN, 1), EPERM);   // regular files cannot be watched
  close(file);
  unlink(path);
  REQUIRE(add(ep, efd, EPOLLIN, 1) == 0);
  CHECK_ERRNO(add(ep, efd, EPOLLIN, 1), EEXIST);
  CHECK_ERRNO(epoll_wait(ep, &e, 0, 0), EINVAL);
  CHECK_ERRNO(epoll_wait(efd, &e, 1, 0), EINVAL);
  CHECK_ERRNO(epoll_wait(99, &e, 1, 0), EBADF);
  printf("ctl errors as Linux\n");

  // ---- level-triggered, every in-process kind, data as set
  int p[2], sp[2];
  REQUIRE(pipe(p) == 0 && socketpair(AF_UNIX, SOCK_STREAM, 0, sp) == 0);
  REQUIRE(add(ep, p[0], EPOLLIN, 2) == 0);
  REQUIRE(add(ep, p[1], EPOLLOUT, 3) == 0);
  REQUIRE(add(ep, sp[0], EPOLLIN | EPOLLOUT | EPOLLRDHUP, 4) == 0);
  REQUIRE(add(ep, 1, EPOLLOUT, 5) == 0);        // stdout
  show("nothing written", ep, 16, 0);
  REQUIRE(write(efd, &one, 8) == 8 && write(p[1], "x", 1) == 1 && write(sp[1], "y", 1) == 1);
  show("all written", ep, 16, 0);
  show("level-triggered: again", ep, 16, 0);
  REQUIRE(read(efd, &v, 8) == 8 && read(p[0], b, 1) == 1 && read(sp[0], b, 1) == 1);
  show("all read", ep, 16, 0);
  // round-robin with maxevents 1: three ready fds take turns
  REQUIRE(mod(ep, 1, EPOLLIN, 5) == 0); // stdout out of the way (IN never comes)
  REQUIRE(mod(ep, p[1], 0, 3) == 0);    // so is the pipe's write end
  REQUIRE(mod(ep, sp[0], EPOLLIN, 4) == 0);
  REQUIRE(write(efd, &one, 8) == 8 && write(p[1], "x", 1) == 1 && write(sp[1], "y", 1) == 1);
  uint64_t seen = 0;
  for (int i = 0; i < 3; i++) {
    REQUIRE(epoll_wait(ep, &e, 1, 0) == 1);
    seen |= 1u << e.data.u64;
  }
  printf("maxevents 1 three times: %s\n", seen == ((1u << 1) | (1u << 2) | (1u << 4)) ? "each fd once" : "repeats");
  REQUIRE(read(efd, &v, 8) == 8 && read(p[0], b, 1) == 1 && read(sp[0], b, 1) == 1);
  // peer hang-ups
  REQUIRE(close(sp[1]) == 0);
  REQUIRE(mod(ep, sp[0], EPOLLIN | EPOLLRDHUP, 4) == 0);
  REQUIRE(close(p[1]) == 0);
  show("writers closed", ep, 16, 0);
  REQUIRE(mod(ep, p[0], 0, 2) == 0);
  show("events 0: still HUP", ep, 16, 0);
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL) == 0);
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_DEL, sp[0], NULL) == 0);
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_DEL, 1, NULL) == 0);
  CHECK_ERRNO(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT);
  close(p[0]); close(sp[0]);
  show("after DEL", ep, 16, 0);

  // ---- EPOLLET: once per edge
  REQUIRE(mod(ep, efd, EPOLLIN | EPOLLET, 10) == 0);
  REQUIRE(write(efd, &one, 8) == 8);
  show("ET: written", ep, 16, 0);
  show("ET: not again", ep, 16, 0);
  REQUIRE(read(efd, &v, 8) == 8);
  show("ET: drained", ep, 16, 0);
  REQUIRE(write(efd, &one, 8) == 8);
  show("ET: written again", ep, 16, 0);
  REQUIRE(read(efd, &v, 8) == 8);

  // ---- EPOLLONESHOT: once, until MOD re-arms
  REQUIRE(mod(ep, efd, EPOLLIN | EPOLLONESHOT, 11) == 0);
  REQUIRE(write(efd, &one, 8) == 8);
  show("ONESHOT: ready", ep, 16, 0);
  show("ONESHOT: disabled", ep, 16, 0);
  CHECK_ERRNO(add(ep, efd, EPOLLIN, 1), EEXIST); // still registered
  REQUIRE(mod(ep, efd, EPOLLIN | EPOLLONESHOT, 12) == 0);
  show("ONESHOT: re-armed", ep, 16, 0);
  REQUIRE(mod(ep, efd, EPOLLIN | EPOLLOUT, 13) == 0);
  show("MOD to IN|OUT", ep, 16, 0);
  REQUIRE(read(efd, &v, 8) == 8);

  // ---- keyed by open description
  int d1 = eventfd(5, 0);
  REQUIRE(add(ep2, d1, EPOLLIN, 20) == 0);
  int d2 = dup(d1);
  CHECK_ERRNO(epoll_ctl(ep2, EPOLL_CTL_DEL, d2, NULL), ENOENT); // another key
  REQUIRE(close(d1) == 0);
  show("registered fd closed, dup alive", ep2, 16, 0);
  CHECK_ERRNO(epoll_ctl(ep2, EPOLL_CTL_DEL, d1, NULL), EBADF);
  REQUIRE(close(d2) == 0);
  show("last fd closed", ep2, 16, 0);

  // ---- nested: an epoll fd is readable while it has events
  int inner = epoll_create1(0);
  int ie = eventfd(0, EFD_NONBLOCK);
  REQUIRE(add(inner, ie, EPOLLIN, 30) == 0);
  REQUIRE(add(ep2, inner, EPOLLIN, 31) == 0);
  CHECK_ERRNO(add(inner, ep2, EPOLLIN, 32), ELOOP);
  show("nested, idle", ep2, 16, 0);
  struct pollfd pf = {inner, POLLIN, 0};
  printf("poll on idle epoll fd: %d\n", poll(&pf, 1, 0));
  REQUIRE(write(ie, &one, 8) == 8);
  show("nested, inner ready", ep2, 16, 0);
  pf.revents = 0;
  n = poll(&pf, 1, 0);
  printf("poll on ready epoll fd: %d %s\n", n, pev(pf.revents));
  show("inner itself", inner, 16, 0);
  REQUIRE(read(ie, &v, 8) == 8);
  show("nested, drained", ep2, 16, 0);

  // ---- timeouts
  double t0 = now();
  show("100 ms, nothing", ep2, 16, 100);
  double dt = now() - t0;
  printf("waited about the timeout: %s\n", dt >= 0.09 && dt < 2 ? "yes" : "no");

  // ---- TCP over loopback
  int l = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  REQUIRE(bind(l, (struct sockaddr *)&a, sizeof a) == 0 && listen(l, 4) == 0);
  REQUIRE(getsockname(l, (struct sockaddr *)&a, &al) == 0);
  int tep = epoll_create1(0);
  REQUIRE(add(tep, l, EPOLLIN, 40) == 0);
  show("listener, idle", tep, 16, 0);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  show("listener, pending connection", tep, 16, 5000);
  int s = accept(l, NULL, NULL);
  REQUIRE(s >= 0);
  REQUIRE(add(tep, s, EPOLLIN | EPOLLRDHUP, 41) == 0);
  REQUIRE(add(tep, c, EPOLLOUT, 42) == 0);
  show("connected, nothing sent", tep, 16, 0);
  REQUIRE(send(c, "ping", 4, 0) == 4);
  REQUIRE(mod(tep, c, EPOLLIN, 42) == 0);
  show("data on the accepted socket", tep, 16, 5000);
  REQUIRE(recv(s, b, sizeof b, 0) == 4);
  REQUIRE(send(s, "pong", 4, 0) == 4);
  show("reply on the client", tep, 16, 5000);
  REQUIRE(recv(c, b, sizeof b, 0) == 4);
  REQUIRE(shutdown(c, SHUT_WR) == 0);
  struct epoll_event te[4];
  n = epoll_wait(tep, te, 4, 5000);
  // the FIN: IN and RDHUP (HUP is not compared: see docs/compatibility.md)
  printf("peer FIN: %d [%llu %s]\n", n, n > 0 ? (unsigned long long)te[0].data.u64 : 0ull,
         n > 0 ? evn(te[0].events & (EPOLLIN | EPOLLRDHUP | EPOLLOUT)) : "");
  SHOW("read at the FIN", recv(s, b, sizeof b, 0));
  close(s); close(c);
  // EPOLLET on a TCP socket: one event per edge, read until EAGAIN
  c = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  s = accept(l, NULL, NULL);
  REQUIRE(s >= 0);
  REQUIRE(add(tep, s, EPOLLIN | EPOLLET, 43) == 0);
  REQUIRE(send(c, "abc", 3, 0) == 3);
  show("TCP ET: data", tep, 16, 5000);
  show("TCP ET: unread, no new edge", tep, 16, 0);
  while (recv(s, b, sizeof b, MSG_DONTWAIT) > 0) {}
  REQUIRE(errno == EAGAIN);
  show("TCP ET: drained", tep, 16, 0);
  REQUIRE(send(c, "def", 3, 0) == 3);
  show("TCP ET: more data", tep, 16, 5000);
  close(s); close(c); close(l);
  // UDP
  int u1 = socket(AF_INET, SOCK_DGRAM, 0), u2 = socket(AF_INET, SOCK_DGRAM, 0);
  a = check_lo4(0);
  al = sizeof a;
  REQUIRE(bind(u1, (struct sockaddr *)&a, sizeof a) == 0 && getsockname(u1, (struct sockaddr *)&a, &al) == 0);
  REQUIRE(add(tep, u1, EPOLLIN, 44) == 0);
  show("UDP idle", tep, 16, 0);
  REQUIRE(sendto(u2, "dg", 2, 0, (struct sockaddr *)&a, sizeof a) == 2);
  show("UDP datagram", tep, 16, 5000);
  SHOW("UDP recv", recv(u1, b, sizeof b, 0));
  show("UDP drained", tep, 16, 0);
  close(u1); close(u2); close(tep);

  close(ie); close(inner); close(efd); close(ep); close(ep2);
  printf("ok\n");
  return CHECK_DONE();
}
