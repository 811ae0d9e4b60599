// -pthread: a thread blocked in accept, then in recv, does not stop the
// others: a ticker thread keeps running while the server waits, and the
// main thread connects and sends; the server echoes back.  Loopback only.
//! cflags: -pthread -O2
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int lfd, ticks, accepted_at_tick = -1, stop;

static void *server(void *a) {
  (void)a;
  int c = accept(lfd, 0, 0);
  REQUIRE(c >= 0);
  accepted_at_tick = ticks;
  char buf[64];
  ssize_t n = recv(c, buf, sizeof buf, 0);  // blocks until main sends
  CHECK(n == 5 && memcmp(buf, "hello", 5) == 0);
  CHECK(send(c, "HELLO", 5, 0) == 5);
  close(c);
  return (void *)1;
}

static void *ticker(void *a) {
  (void)a;
  while (!stop) {
    ticks++;
    usleep(10000);
  }
  return 0;
}

int main(void) {
  int port;
  lfd = check_listen(AF_INET, &port);
  REQUIRE(lfd >= 0);
  struct sockaddr_in sa = check_lo4(port);

  pthread_t s, t;
  CHECK(pthread_create(&s, 0, server, 0) == 0);
  CHECK(pthread_create(&t, 0, ticker, 0) == 0);
  usleep(150000);  // the server sits in accept meanwhile; the ticker ticks
  int before = ticks;
  printf("ticks while the server waited in accept: %d\n", before);
  REQUIRE(before >= 5);
  CHECK(accepted_at_tick == -1);

  int c = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(connect(c, (struct sockaddr *)&sa, sizeof sa) == 0);
  usleep(50000);  // the server accepted and now waits in recv
  CHECK(accepted_at_tick >= before);
  CHECK(send(c, "hello", 5, 0) == 5);
  char buf[8];
  ssize_t n = recv(c, buf, sizeof buf, 0);  // main blocks; the server answers
  CHECK(n == 5 && memcmp(buf, "HELLO", 5) == 0);
  void *r;
  CHECK(pthread_join(s, &r) == 0 && r == (void *)1);
  stop = 1;
  CHECK(pthread_join(t, 0) == 0);
  close(c);
  close(lfd);
  printf("ok: echo through a thread blocked in accept and recv, %d ticks\n", ticks);
  return CHECK_DONE();
}
