// SO_SNDTIMEO is enforced by libc: when the peer does not read, a blocking
// send waits at most the timeout, then returns what it wrote or -1/EAGAIN.
// A non-blocking send on the full socket fails at once.  Afterwards the peer
// drains and receives exactly the bytes send reported.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static char buf[65536];

int main(void) {
  int port;
  int ls = check_listen(AF_INET, &port);
  REQUIRE(ls >= 0);
  int c = check_connect(AF_INET, port);
  REQUIRE(c >= 0);
  int s = accept(ls, NULL, NULL);
  REQUIRE(s >= 0);

  struct timeval tv = {0, 200000}, back;
  socklen_t tl = sizeof back;
  REQUIRE(setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) == 0);
  REQUIRE(getsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &back, &tl) == 0 && back.tv_sec == 0 && back.tv_usec == 200000);
  memset(buf, 'z', sizeof buf);
  // fill everything between us and the peer that does not read
  long long total = 0;
  double t0 = 0, took = 0;
  int calls = 0;
  for (;;) {
    REQUIRE(++calls < 100000);
    t0 = now_ms();
    ssize_t w = send(c, buf, sizeof buf, 0);
    took = now_ms() - t0;
    if (w < 0) { REQUIRE(errno == EAGAIN || errno == EWOULDBLOCK); break; }
    REQUIRE(w > 0);
    total += w;
  }
  printf("peer not reading: %lld bytes accepted, then EAGAIN after %.0f ms (timeout 200 ms)\n", total, took);
  REQUIRE(total > 0);
  REQUIRE(took >= 190 && took < 3000);
  // non-blocking on the same full socket: at once
  t0 = now_ms();
  REQUIRE(send(c, buf, sizeof buf, MSG_DONTWAIT) == -1 && errno == EAGAIN);
  REQUIRE(now_ms() - t0 < 150);
  // the peer reads everything the sends reported, and nothing more
  long long got = 0;
  struct timeval rt = {0, 300000};
  REQUIRE(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &rt, sizeof rt) == 0);
  for (;;) {
    ssize_t r = recv(s, buf, sizeof buf, 0);
    if (r < 0) { REQUIRE(errno == EAGAIN); break; }
    REQUIRE(r > 0);
    got += r;
  }
  printf("peer drained %lld bytes\n", got);
  REQUIRE(got == total);
  // with room again, a send goes through within the timeout
  REQUIRE(send(c, "x", 1, 0) == 1);
  REQUIRE(recv(s, buf, 1, 0) == 1 && buf[0] == 'x');
  close(s);
  close(c);
  close(ls);
  printf("ok\n");
  return CHECK_DONE();
}
