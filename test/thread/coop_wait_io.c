// -pthread: every wait of the wait core parks only the calling thread.
// Threads blocked in poll(), select() and epoll_wait() on sockets, in
// read() on a pipe and in poll() on another pipe, stay blocked while main sleeps and a ticker thread
// runs; main's writes then wake exactly them.  A writer blocked on a full
// socket buffer lets the others run until main drains the other end.
// Loopback only.
//! cflags: -pthread -O2
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include "check.h"

static volatile int ticks, stop;
static int s_poll, s_select, s_epoll, pipe_rd, pipe2_rd;
static volatile int done_poll = -1, done_select = -1, done_epoll = -1, done_pipe = -1, done_poll_pipe = -1;

static void *ticker(void *a) {
  (void)a;
  while (!stop) {
    ticks++;
    usleep(5000);
  }
  return 0;
}

static void *in_poll(void *a) {
  (void)a;
  struct pollfd p = {s_poll, POLLIN, 0};
  int r = poll(&p, 1, -1);
  char c = 0;
  done_poll = r == 1 && (p.revents & POLLIN) && read(s_poll, &c, 1) == 1 && c == 'p' ? ticks : -2;
  return 0;
}

static void *in_select(void *a) {
  (void)a;
  fd_set r;
  FD_ZERO(&r);
  FD_SET(s_select, &r);
  int n = select(s_select + 1, &r, 0, 0, 0);
  char c = 0;
  done_select = n == 1 && FD_ISSET(s_select, &r) && read(s_select, &c, 1) == 1 && c == 's' ? ticks : -2;
  return 0;
}

static void *in_epoll(void *a) {
  (void)a;
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = s_epoll}, out;
  int ok = ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, s_epoll, &ev) == 0;
  int n = ok ? epoll_wait(ep, &out, 1, 10000) : -1;
  char c = 0;
  done_epoll = n == 1 && out.data.fd == s_epoll && read(s_epoll, &c, 1) == 1 && c == 'e' ? ticks : -2;
  close(ep);
  return 0;
}

static void *in_pipe(void *a) {
  (void)a;
  char c = 0;
  done_pipe = read(pipe_rd, &c, 1) == 1 && c == 'i' ? ticks : -2;
  return 0;
}

// poll() whose only fd is an in-process pipe: woken by another thread's write
static void *in_poll_pipe(void *a) {
  (void)a;
  struct pollfd p = {pipe2_rd, POLLIN, 0};
  int r = poll(&p, 1, -1);
  char c = 0;
  done_poll_pipe = r == 1 && (p.revents & POLLIN) && read(pipe2_rd, &c, 1) == 1 && c == 'q' ? ticks : -2;
  return 0;
}

#define BIG (32 << 20)
static int w_fd;
static char *w_buf;
static volatile long w_sent = -1;

static void *writer(void *a) {
  (void)a;
  long sent = 0;
  while (sent < BIG) {
    ssize_t n = send(w_fd, w_buf + sent, BIG - sent, 0);  // blocks once the buffers are full
    if (n <= 0) break;
    sent += n;
  }
  w_sent = sent;
  return 0;
}

// A connected loopback pair: *a the client end, *b the accepted one.
static void pair(int lfd, int port, int *a, int *b) {
  *a = check_connect(AF_INET, port);
  *b = accept(lfd, 0, 0);
  REQUIRE(*a >= 0 && *b >= 0);
}

int main(void) {
  int port, lfd = check_listen(AF_INET, &port);
  REQUIRE(lfd >= 0);
  int c_poll, c_select, c_epoll, pfd[2], pfd2[2];
  pair(lfd, port, &c_poll, &s_poll);
  pair(lfd, port, &c_select, &s_select);
  pair(lfd, port, &c_epoll, &s_epoll);
  REQUIRE(pipe(pfd) == 0 && pipe(pfd2) == 0);
  pipe_rd = pfd[0];
  pipe2_rd = pfd2[0];

  pthread_t tk, tp, ts, te, ti, tq;
  REQUIRE(pthread_create(&tk, 0, ticker, 0) == 0);
  REQUIRE(pthread_create(&tp, 0, in_poll, 0) == 0);
  REQUIRE(pthread_create(&ts, 0, in_select, 0) == 0);
  REQUIRE(pthread_create(&te, 0, in_epoll, 0) == 0);
  REQUIRE(pthread_create(&ti, 0, in_pipe, 0) == 0);
  REQUIRE(pthread_create(&tq, 0, in_poll_pipe, 0) == 0);
  usleep(100000);
  int before = ticks;
  OK(before >= 5, "the ticker ran while threads waited in poll, select, epoll_wait, a pipe read, poll on a pipe");
  OK(done_poll == -1 && done_select == -1 && done_epoll == -1 && done_pipe == -1 && done_poll_pipe == -1,
     "none of them returned early");

  CHECK(write(c_poll, "p", 1) == 1);
  CHECK(write(c_select, "s", 1) == 1);
  CHECK(write(c_epoll, "e", 1) == 1);
  CHECK(write(pfd[1], "i", 1) == 1);
  CHECK(write(pfd2[1], "q", 1) == 1);
  REQUIRE(pthread_join(tp, 0) == 0 && pthread_join(ts, 0) == 0 && pthread_join(te, 0) == 0 &&
          pthread_join(ti, 0) == 0 && pthread_join(tq, 0) == 0);
  OK(done_poll >= before, "poll() in a thread woke on main's write");
  OK(done_select >= before, "select() in a thread woke on main's write");
  OK(done_epoll >= before, "epoll_wait() in a thread woke on main's write");
  OK(done_pipe >= before, "a pipe read in a thread woke on main's write");
  OK(done_poll_pipe >= before, "poll() on a pipe in a thread woke on main's write");

  // A writer that fills the socket's buffers blocks; the others run.
  int r_fd;
  pair(lfd, port, &w_fd, &r_fd);
  w_buf = malloc(BIG);
  REQUIRE(w_buf != NULL);
  for (long i = 0; i < BIG; i++) w_buf[i] = (char)(i * 7);
  pthread_t tw;
  REQUIRE(pthread_create(&tw, 0, writer, 0) == 0);
  usleep(100000);
  int t0 = ticks;
  usleep(50000);
  OK(w_sent == -1, "the writer is blocked on a full socket buffer");
  OK(ticks > t0, "the ticker runs while the writer is blocked");
  char *got = malloc(65536);
  REQUIRE(got != NULL);
  long total = 0, bad = 0;
  while (total < BIG) {
    ssize_t n = read(r_fd, got, 65536);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; i++)
      if (got[i] != (char)((total + i) * 7)) bad++;
    total += n;
  }
  REQUIRE(pthread_join(tw, 0) == 0);
  OK(w_sent == BIG && total == BIG && bad == 0, "draining the other end let the writer finish, bytes intact");

  stop = 1;
  CHECK(pthread_join(tk, 0) == 0);
  free(got);
  free(w_buf);
  close(r_fd); close(w_fd);
  close(c_poll); close(s_poll); close(c_select); close(s_select); close(c_epoll); close(s_epoll);
  close(pfd[0]); close(pfd[1]); close(pfd2[0]); close(pfd2[1]);
  close(lfd);
  return CHECK_DONE();
}
