// Lengths against linear memory (wasm-only rules; bad_input.c compares the
// Linux-comparable ones with gcc): a buffer that runs past the end of
// memory is EFAULT for every data call and nothing past the buffer reaches
// the host; a huge length that fits in memory reads a regular file in
// bounded pieces (fast, whatever the length says) and returns what is there;
// big writes and reads across the 1 MiB host-call piece size are whole.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

// one past the last byte of memory, and the length from `small` that runs
// one byte past it: evaluated at each use, since calls may grow memory
#define end ((char *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536))
#define past ((size_t)(end - small) + 1)

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  static char small[64];
  int f = open("/data/ten", O_RDWR | O_CREAT | O_TRUNC, 0644);
  OK(f >= 0 && write(f, "0123456789", 10) == 10, "setup");
  int p[2];
  OK(pipe(p) == 0, "pipe");

  // past the end of memory: EFAULT, whatever the call
  CHECK_ERRNO(read(f, small, past), EFAULT);
  CHECK_ERRNO(pread(f, small, past, 0), EFAULT);
  CHECK_ERRNO(write(p[1], small, past), EFAULT);
  CHECK_ERRNO(write(p[1], small, 1 << 30), EFAULT); // issue 13: wrote 64 KiB past the buffer
  CHECK_ERRNO(pwrite(f, small, past, 0), EFAULT);
  CHECK_ERRNO(read(f, end, 1), EFAULT);
  CHECK_ERRNO(write(f, end - 4, 5), EFAULT);
  struct iovec iov[2] = { { small, 4 }, { end - 2, 4 } };
  CHECK_ERRNO(readv(f, iov, 2), EFAULT);
  CHECK_ERRNO(writev(p[1], iov, 2), EFAULT);
  CHECK_ERRNO(preadv(f, iov, 2, 0), EFAULT);
  CHECK_ERRNO(readv(f, (struct iovec *)(end - 4), 1), EFAULT); // the vector itself runs past the end
  int u = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = check_lo4(9);
  CHECK_ERRNO(sendto(u, small, past, 0, (struct sockaddr *)&a, sizeof a), EFAULT);
  CHECK_ERRNO(recv(u, small, past, MSG_DONTWAIT), EFAULT);
  CHECK_ERRNO(sendto(u, small, 1, 0, (struct sockaddr *)(end - 8), 16), EFAULT); // the address runs past
  CHECK_ERRNO(connect(u, (struct sockaddr *)(end - 8), 16), EFAULT);
  close(u);
  // the other calls whose bytes land in a caller's buffer
  CHECK_ERRNO(getentropy(end - 4, 8), EFAULT);
  CHECK_ERRNO(getrandom(end - 4, 8, 0), EFAULT);
  OK(symlink("ten", "/data/lnk") == 0, "symlink");
  CHECK_ERRNO(readlink("/data/lnk", end - 4, 8), EFAULT);
  OK(getcwd(end - 4, 8) == NULL && errno == EFAULT, "getcwd past the end: EFAULT");
  char b;
  fcntl(p[0], F_SETFL, O_NONBLOCK);
  CHECK_ERRNO(read(p[0], &b, 1), EAGAIN); // nothing was written by the refused calls

  // a huge length inside memory: what the file has, at once
  size_t biglen = 64 << 20;
  char *big = malloc(biglen);
  OK(big != NULL, "64 MiB buffer");
  double t0 = now();
  OK(pread(f, big, biglen, 0) == 10 && memcmp(big, "0123456789", 10) == 0, "pread 64 MiB of a 10-byte file: 10");
  lseek(f, 0, SEEK_SET);
  OK(read(f, big, biglen) == 10, "read 64 MiB of a 10-byte file: 10");
  double dt = now() - t0;
  OK(dt < 1.0, "both in %.3f s", dt);

  // across the 1 MiB piece size: whole transfers, byte-exact
  size_t n = 3 * (1 << 20) + 12345;
  for (size_t i = 0; i < n; i++) big[i] = (char)(i * 7 + 3);
  int g = open("/data/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
  OK(write(g, big, n) == (ssize_t)n, "write %zu bytes at once", n);
  char *back = malloc(n + 100);
  OK(pread(g, back, n + 100, 0) == (ssize_t)n && memcmp(back, big, n) == 0, "pread it back whole");
  OK(pwrite(g, big, n, 1 << 20) == (ssize_t)n, "pwrite at 1 MiB");
  lseek(g, 0, SEEK_SET);
  OK(read(g, back, n + 100) == (ssize_t)n + 100, "read past the old end: more than one piece");
  free(back);
  free(big);
  close(g);
  close(f);
  close(p[0]);
  close(p[1]);
  return CHECK_DONE();
}
