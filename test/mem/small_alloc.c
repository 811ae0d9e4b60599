// The bottom half's own allocator when the program links no malloc
// (src/mem/alloc.c): this program never calls malloc/free, so descriptions,
// file state, the grown fd table and the cwd copy come from the small block
// allocator.  Closed files' blocks are reused (the break stops moving after
// the first round), the data of many files open at once stays intact,
// EMFILE comes at the limit and the table still works after it; a request
// beyond the largest class is ENOMEM.
//! dir: /d
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#define N 100
static int fds[N];

static void round_trip(int n) {
  char name[32], buf[32];
  for (int i = 0; i < n; i++) {
    snprintf(name, sizeof name, "/d/f%d", i);
    fds[i] = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fds[i] >= 0);
  }
  for (int i = 0; i < n; i++) {
    int len = snprintf(buf, sizeof buf, "file %d", i);
    CHECK(write(fds[i], buf, (size_t)len) == len);
  }
  for (int i = 0; i < n; i++) {
    char want[32], got[32] = {0};
    int len = snprintf(want, sizeof want, "file %d", i);
    CHECK(pread(fds[i], got, sizeof got, 0) == len);
    CHECK(memcmp(got, want, (size_t)len) == 0);
  }
  for (int i = 0; i < n; i++) CHECK(close(fds[i]) == 0);
}

int main(void) {
  // first round: the fd table grows past its static slots (N > 16)
  round_trip(N);
  void *brk1 = sbrk(0);
  for (int r = 0; r < 20; r++) round_trip(N);
  CHECK(sbrk(0) == brk1);          // every block came back and was reused

  // the cwd copy is replaced on every chdir: the old one is freed
  CHECK(mkdir("/d/sub", 0755) == 0);
  CHECK(chdir("/d/sub") == 0);
  CHECK(chdir("/d") == 0);
  void *brk2 = sbrk(0);
  for (int r = 0; r < 50; r++) {
    CHECK(chdir("/d/sub") == 0);
    CHECK(chdir("/d") == 0);
  }
  CHECK(sbrk(0) == brk2);

  // EMFILE at the limit, then the table is usable again
  struct rlimit rl = { 40, 40 };
  CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
  int n = 0, e = 0;
  for (;;) {
    int fd = open("/d/f0", O_RDONLY);
    if (fd < 0) { e = errno; break; }
    fds[n++] = fd;
    if (n == N) break;
  }
  CHECK(e == EMFILE);
  CHECK(n == 40 - 3);
  for (int i = 0; i < n; i++) CHECK(close(fds[i]) == 0);
  int fd = open("/d/f1", O_RDONLY);
  char got[8] = {0};
  CHECK(fd == 3);
  CHECK(read(fd, got, sizeof got) == 6 && memcmp(got, "file 1", 6) == 0);
  CHECK(close(fd) == 0);

  // more than the largest block class (1 GiB): NULL with ENOMEM, no trap
  errno = 0;
  CHECK(getcwd(NULL, (1u << 30) + 1) == NULL && errno == ENOMEM);
  fd = open("/d/f2", O_RDONLY);           // and the allocator still works
  CHECK(fd == 3);
  CHECK(close(fd) == 0);

  return CHECK_DONE();
}
