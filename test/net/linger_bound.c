// The linger list (closed TCP sockets whose queued bytes are still in the
// host's buffer, src/net/tcp_ops.c) is bounded: closing 300 connections
// whose peers never read keeps at most 256 of them, each close still
// returns at once, and a peer that reads late still gets what the newest
// lingering socket queued.
//! timeout: 180
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

extern int __wasip2_linger_n; // libc's own count (src/net/tcp_ops.c)


#define N 300
static char chunk[65536];
static int peers[N];

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(void) {
  struct sockaddr_in a = check_lo4(0);
  socklen_t al = sizeof a;
  int l = socket(AF_INET, SOCK_STREAM, 0);
  if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) < 0 || listen(l, SOMAXCONN) < 0 ||
      getsockname(l, (struct sockaddr *)&a, &al) < 0) { perror("listen"); return 1; }
  long long worst = 0, queued_last = 0;
  int lingered_max = 0;
  for (int i = 0; i < N; i++) {
    peers[i] = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(peers[i], (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 1; }
    int s = accept(l, NULL, NULL);
    fcntl(s, F_SETFL, O_NONBLOCK);
    long long queued = 0;
    // fill the kernel buffers (some MB on loopback) and then the host one: the peer never reads
    for (int k = 0; k < 64; k++) {
      ssize_t n = write(s, chunk, sizeof chunk);
      if (n <= 0) break;
      queued += n;
    }
    long long t0 = now_ms();
    close(s);
    long long dt = now_ms() - t0;
    if (dt > worst) worst = dt;
    if (__wasip2_linger_n > lingered_max) lingered_max = __wasip2_linger_n;
    queued_last = queued;
  }
  printf("closed %d connections with unread data; linger list peaked at %d\n", N, lingered_max);
  OK(lingered_max > 0 && lingered_max <= 256, "linger list bounded: %d", lingered_max);
  OK(worst < 1000, "slowest close %lld ms", worst);
  // the newest one still lingers: its peer gets every byte when it reads now
  long long got = 0;
  fcntl(peers[N - 1], F_SETFL, O_NONBLOCK);
  long long until = now_ms() + 20000;
  for (;;) {
    ssize_t n = read(peers[N - 1], chunk, sizeof chunk);
    if (n > 0) { got += n; continue; }
    if (n == 0) break;
    if (errno != EAGAIN || now_ms() > until) break;
    struct timespec ts = {0, 2000000};
    nanosleep(&ts, NULL);
  }
  OK(got == queued_last, "late reader got %lld of %lld bytes, then EOF", got, queued_last);
  for (int i = 0; i < N; i++) close(peers[i]);
  close(l);
  return CHECK_DONE();
}
