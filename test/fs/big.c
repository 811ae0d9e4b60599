// 64 MB written and read back (64 KB reads) with a matching hash; prints MB/s.
//! dir: /data
//! timeout: 120
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define SIZE (64u << 20)
#define CHUNK (64u << 10)

static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  static unsigned char buf[1 << 20];
  uint64_t h1 = 1469598103934665603ull, h2 = h1, x = 12345;
  int fd = open("/data/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  double t0 = now();
  for (unsigned done = 0; done < SIZE; done += sizeof buf) {
    for (size_t i = 0; i < sizeof buf; i += 8) { x = x * 6364136223846793005ull + 1442695040888963407ull; memcpy(buf + i, &x, 8); }
    h1 = fnv(h1, buf, sizeof buf);
    for (size_t off = 0; off < sizeof buf;) {
      ssize_t n = write(fd, buf + off, sizeof buf - off);
      REQUIRE(n > 0);
      off += n;
    }
  }
  REQUIRE(close(fd) == 0);
  double t1 = now();
  fd = open("/data/big", O_RDONLY);
  REQUIRE(fd >= 0);
  size_t total = 0;
  for (;;) {
    ssize_t n = read(fd, buf, CHUNK);
    REQUIRE(n >= 0);
    if (n == 0) break;
    h2 = fnv(h2, buf, n);
    total += n;
  }
  double t2 = now();
  REQUIRE(close(fd) == 0);
  REQUIRE(total == SIZE);
  REQUIRE(h1 == h2);
  printf("64 MB hash %016llx matches; write %.1f MB/s, read (64 KB reads) %.1f MB/s\n",
         (unsigned long long)h1, 64 / (t1 - t0), 64 / (t2 - t1));
  REQUIRE(unlink("/data/big") == 0);
  return CHECK_DONE();
}
