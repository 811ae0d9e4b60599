// mmap emulation: anonymous private mappings are zeroed and writable,
// private file mappings hold the file's bytes, munmap frees, mprotect is
// honest, MAP_FIXED fails.  No -D_WASI_EMULATED_MMAN needed.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  size_t len = 3 * 65536 + 100;
  unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  CHECK(((unsigned long)p % sysconf(_SC_PAGESIZE)) == 0);
  size_t nonzero = 0;
  for (size_t i = 0; i < len; i++) nonzero += p[i] != 0;
  CHECK_EQ(nonzero, 0, "bytes not zeroed");
  memset(p, 7, len);
  CHECK(madvise(p, 65536, MADV_DONTNEED) == 0 && p[0] == 0 && p[65536] == 7);
  CHECK(mprotect(p, len, PROT_READ | PROT_WRITE) == 0);
  CHECK(mprotect(p, len, PROT_READ) == -1 && errno == ENOSYS);
  CHECK(msync(p, len, MS_SYNC) == 0);
  CHECK(munmap(p, len) == 0);
  printf("anonymous mapping zeroed, writable, unmapped\n");

  CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
  CHECK(mmap((void *)0x10000, 100, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
  printf("len 0: EINVAL; MAP_FIXED refused\n");

  int fd = open("/data/f.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  const char text[] = "mapped file contents";
  CHECK(write(fd, text, sizeof text) == sizeof text);
  char *m = mmap(NULL, sizeof text, PROT_READ, MAP_PRIVATE, fd, 0);
  REQUIRE(m != MAP_FAILED);
  CHECK(memcmp(m, text, sizeof text) == 0);
  CHECK(m[sizeof text] == 0);
  CHECK(munmap(m, sizeof text) == 0);
  CHECK(mmap(NULL, 10, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED && errno == ENODEV);
  close(fd);
  printf("private file mapping holds the file; shared writable: ENODEV\n");
  return CHECK_DONE();
}
