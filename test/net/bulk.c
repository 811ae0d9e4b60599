// 64 MB through a native echo server and back, checked by hash: the wasm
// client sends a generated stream (xorshift) and reads the echo in one
// poll() loop (sending everything first would deadlock once both sides'
// buffers fill), hashing what it sent and what came back with FNV-1a 64.
// Both directions of the wire carry the 64 MB.
//! native: echo_server.c
//! timeout: 240
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define TOTAL (64ull << 20)
#define CHUNK 65536

static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 0x100000001b3ull; }
  return h;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static void fill(unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i += 8) {
    rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
    memcpy(p + i, &rng, n - i < 8 ? n - i : 8);
  }
}

static unsigned char out[CHUNK], in[CHUNK];

int main(void) {
  const char *ps = getenv("NATIVE_PORT");
  REQUIRE(ps);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = check_lo4(atoi(ps));
  REQUIRE(connect(c, (struct sockaddr *)&a, sizeof a) == 0);
  uint64_t hs = 0xcbf29ce484222325ull, hr = hs, sent = 0, got = 0;
  size_t olen = 0, ooff = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while (got < TOTAL) {
    if (ooff == olen && sent < TOTAL) {
      olen = TOTAL - sent < CHUNK ? TOTAL - sent : CHUNK;
      fill(out, olen);
      hs = fnv(hs, out, olen);
      ooff = 0;
    }
    struct pollfd p = {c, POLLIN | (ooff < olen ? POLLOUT : 0), 0};
    REQUIRE(poll(&p, 1, 30000) == 1);
    REQUIRE(!(p.revents & (POLLERR | POLLNVAL)));
    if (p.revents & POLLIN) {
      ssize_t r = recv(c, in, sizeof in, MSG_DONTWAIT);
      if (r < 0) REQUIRE(errno == EAGAIN);
      else {
        REQUIRE(r > 0); // the server never closes first
        hr = fnv(hr, in, r);
        got += r;
      }
    }
    if ((p.revents & POLLOUT) && ooff < olen) {
      ssize_t w = send(c, out + ooff, olen - ooff, MSG_DONTWAIT);
      if (w < 0) REQUIRE(errno == EAGAIN);
      else { ooff += w; sent += w; }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  REQUIRE(sent == TOTAL && got == TOTAL);
  printf("sent %llu bytes, fnv1a64 %016llx\n", (unsigned long long)sent, (unsigned long long)hs);
  printf("got  %llu bytes, fnv1a64 %016llx\n", (unsigned long long)got, (unsigned long long)hr);
  REQUIRE(hs == hr);
  printf("64 MB each way in %.2f s (%.1f MB/s each way)\n", s, 64 / s);
  // the stream ends cleanly: our FIN, the server's close, EOF here
  REQUIRE(shutdown(c, SHUT_WR) == 0);
  REQUIRE(recv(c, in, sizeof in, 0) == 0);
  close(c);
  printf("ok\n");
  return CHECK_DONE();
}
