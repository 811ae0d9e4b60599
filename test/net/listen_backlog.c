// listen()'s backlog clamps as Linux's does: it is compared as unsigned with
// somaxconn, so listen(fd, -1) (darkhttpd and other small servers) gives the
// largest queue: 20 concurrent connects all complete at once even before the
// server accepts, and a select() server then answers each of them.  With a
// queue of one, the kernel drops the others' SYNs until their 1 s retransmit.
// Also: a huge backlog is clamped (not refused), 0 still queues a connection,
// listen() again on a listening socket succeeds, listen() on UDP is EOPNOTSUPP.
// oracle: linux
#include "check.h"
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sys/select.h>
#include <time.h>

#define N 20

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static int listener(int backlog, int *port) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(0);
  REQUIRE(s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) == 0);
  REQUIRE(listen(s, backlog) == 0, "listen(%d)", backlog);
  *port = check_port(s);
  return s;
}

// Starts n non-blocking connects and waits up to limit_ms for them: how many completed.
static int connect_all(int port, int *c, int n, int limit_ms) {
  struct sockaddr_in a = check_lo4(port);
  for (int i = 0; i < n; i++) {
    c[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    REQUIRE(c[i] >= 0);
    int r = connect(c[i], (struct sockaddr *)&a, sizeof a);
    REQUIRE(r == 0 || errno == EINPROGRESS);
  }
  int done = 0;
  char up[N] = {0};
  long long end = now_ms() + limit_ms;
  while (done < n) {
    long long left = end - now_ms();
    if (left <= 0) break;
    struct pollfd p[N];
    for (int i = 0; i < n; i++) p[i] = (struct pollfd){ .fd = up[i] ? -1 : c[i], .events = POLLOUT };
    if (poll(p, n, (int)left) <= 0) break;
    for (int i = 0; i < n; i++)
      if (!up[i] && (p[i].revents & POLLOUT)) {
        int e = -1; socklen_t l = sizeof e;
        CHECK(getsockopt(c[i], SOL_SOCKET, SO_ERROR, &e, &l) == 0 && e == 0);
        up[i] = 1; done++;
      }
  }
  return done;
}

// A select() server: accepts every client and echoes one byte to each.
static void serve(int ls, int *c, int n) {
  int conn[N], nconn = 0, answered = 0;
  for (int i = 0; i < n; i++) { char b = 'a' + i; CHECK(send(c[i], &b, 1, 0) == 1); }
  long long end = now_ms() + 5000;
  while (answered < n && now_ms() < end) {
    fd_set r; FD_ZERO(&r); FD_SET(ls, &r);
    int max = ls;
    for (int i = 0; i < nconn; i++) if (conn[i] >= 0) { FD_SET(conn[i], &r); if (conn[i] > max) max = conn[i]; }
    struct timeval tv = { 1, 0 };
    int k = select(max + 1, &r, NULL, NULL, &tv);
    REQUIRE(k >= 0);
    if (FD_ISSET(ls, &r) && nconn < N) { int a = accept(ls, NULL, NULL); REQUIRE(a >= 0); conn[nconn++] = a; }
    for (int i = 0; i < nconn; i++)
      if (conn[i] >= 0 && FD_ISSET(conn[i], &r)) {
        char b;
        CHECK(recv(conn[i], &b, 1, 0) == 1 && send(conn[i], &b, 1, 0) == 1);
        close(conn[i]); conn[i] = -1; answered++;
      }
  }
  CHECK_EQ(answered, n, "the select() server answered every client");
  for (int i = 0; i < n; i++) {
    char b = 0;
    int fl = fcntl(c[i], F_GETFL);
    fcntl(c[i], F_SETFL, fl & ~O_NONBLOCK);
    CHECK(recv(c[i], &b, 1, 0) == 1 && b == 'a' + i);
  }
  for (int i = 0; i < nconn; i++) if (conn[i] >= 0) close(conn[i]);
}

static void closeall(int *c, int n) { for (int i = 0; i < n; i++) close(c[i]); }

int main(void) {
  int port, c[N];
  int ls = listener(-1, &port);
  int done = connect_all(port, c, N, 1000);
  OK(done == N, "listen(fd, -1): %d concurrent connects complete within 1 s, before any accept", N);
  serve(ls, c, N);
  closeall(c, N);
  close(ls);

  ls = listener(INT_MAX, &port);
  OK(connect_all(port, c, N, 1000) == N, "listen(fd, INT_MAX) is clamped, not refused: %d connects", N);
  closeall(c, N);
  OK(listen(ls, 5) == 0, "listen() again on a listening socket");
  close(ls);

  ls = listener(0, &port);
  OK(connect_all(port, c, 1, 1000) == 1, "listen(fd, 0) still queues one connection");
  closeall(c, 1);
  close(ls);

  int u = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK_ERRNO(listen(u, -1), EOPNOTSUPP);
  close(u);
  return CHECK_DONE();
}
