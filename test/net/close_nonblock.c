// close() on a TCP socket never blocks (src/net/tcp_ops.c), yet the bytes
// queued before it still reach a peer that reads:
//  1. a peer that never reads: close() after a non-blocking burst returns
//     at once (it used to block in a flush forever);
//  2. a native peer that starts reading late gets every byte;
//  3. the peer end in this same program, read after close(), gets every
//     byte and then EOF;
//  4. shutdown(SHUT_WR) does not block either and still delivers.
//! native: close_reader.c
//! timeout: 60
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static char big[65536];

// Non-blocking writes until the connection stays full for 200 ms.
static long long burst(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  long long total = 0;
  for (;;) {
    ssize_t n = send(fd, big, sizeof big, 0);
    if (n > 0) { total += n; continue; }
    if (n < 0 && errno == EAGAIN) {
      struct pollfd p = {fd, POLLOUT, 0};
      if (poll(&p, 1, 200) == 0) break;
      continue;
    }
    printf("send: %s\n", strerror(errno));
    break;
  }
  return total;
}

static void pair(int *c, int *s) {
  int port;
  int ls = check_listen(AF_INET, &port);
  CHECK(ls >= 0);
  *c = check_connect(AF_INET, port);
  CHECK(*c >= 0);
  *s = accept(ls, NULL, NULL);
  CHECK(*s >= 0);
  close(ls);
}

static long long drain(int fd) {
  long long got = 0;
  for (;;) {
    ssize_t n = recv(fd, big, sizeof big, 0);
    if (n <= 0) { CHECK(n == 0); break; }
    got += n;
  }
  return got;
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  for (size_t i = 0; i < sizeof big; i++) big[i] = (char)i;

  // 1. peer never reads
  int c, s;
  pair(&c, &s);
  long long total = burst(c);
  long long t0 = now_ms();
  CHECK(close(c) == 0);
  long long took = now_ms() - t0;
  printf("1: wrote %lld bytes to a peer that never reads; close took %lld ms\n", total, took);
  CHECK(took < 500);

  // 2. a native peer reading late gets everything
  const char *port = getenv("NATIVE_PORT");
  CHECK(port != NULL);
  if (port) {
    struct sockaddr_in a = check_lo4(atoi(port));
    int n1 = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(connect(n1, (struct sockaddr *)&a, sizeof a) == 0);
    total = burst(n1);
    t0 = now_ms();
    CHECK(close(n1) == 0);
    took = now_ms() - t0;
    int n2 = socket(AF_INET, SOCK_STREAM, 0);
    // the reader accepts this only after it saw EOF on the first
    CHECK(connect(n2, (struct sockaddr *)&a, sizeof a) == 0);
    char txt[64] = {0};
    size_t off = 0;
    for (;;) {
      ssize_t r = recv(n2, txt + off, sizeof txt - 1 - off, 0);
      if (r <= 0) break;
      off += r;
    }
    long long got = atoll(txt);
    printf("2: native peer: sent %lld, close took %lld ms, peer read %lld\n", total, took, got);
    CHECK(got == total && total > 0);
    CHECK(took < 500);
    close(n2);
  }

  // 3. the peer end in this program, read after the close
  close(s);
  pair(&c, &s);
  total = burst(c);
  t0 = now_ms();
  CHECK(close(c) == 0);
  took = now_ms() - t0;
  long long got = drain(s);
  printf("3: same program: sent %lld, close took %lld ms, read %lld then EOF\n", total, took, got);
  CHECK(got == total && took < 500);
  close(s);

  // 4. shutdown(SHUT_WR) after a burst: returns at once, peer gets all + EOF
  pair(&c, &s);
  total = burst(c);
  t0 = now_ms();
  CHECK(shutdown(c, SHUT_WR) == 0);
  took = now_ms() - t0;
  got = drain(s);
  printf("4: shutdown took %lld ms, peer read %lld of %lld then EOF\n", took, got, total);
  CHECK(got == total && took < 500);
  close(c);
  close(s);

  return CHECK_DONE();
}
