// The Linux calls <sys/mman.h> declares beside POSIX's: memfd_create (an
// unlinked temporary file), mincore (linear memory is all resident), mlock2,
// mremap (whole mappings: shrink in place, grow by moving with the bytes
// kept and zeroes after) and remap_file_pages (ENOSYS).
//! dir: /tmp
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  long pg = sysconf(_SC_PAGESIZE);
  // memfd_create: a file only the fd names
  int fd = memfd_create("label", MFD_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, "memfd bytes", 11) == 11);
  struct stat st;
  REQUIRE(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 11 && st.st_nlink == 0);
  char buf[32] = {0};
  REQUIRE(pread(fd, buf, sizeof buf, 0) == 11 && memcmp(buf, "memfd bytes", 11) == 0);
  REQUIRE(ftruncate(fd, pg) == 0);
  char *fm = mmap(NULL, (size_t)pg, PROT_READ, MAP_PRIVATE, fd, 0);
  REQUIRE(fm != MAP_FAILED && memcmp(fm, "memfd bytes", 11) == 0 && fm[100] == 0);
  REQUIRE(munmap(fm, (size_t)pg) == 0);
  REQUIRE(close(fd) == 0);
#ifdef __wasm__
  CHECK_ERRNO(memfd_create("x", MFD_HUGETLB), EINVAL);  // Linux may have huge pages; we have none
#endif
  CHECK_ERRNO(memfd_create("x", 0x100), EINVAL);
  char longname[300];
  memset(longname, 'n', sizeof longname - 1);
  longname[sizeof longname - 1] = 0;
  CHECK_ERRNO(memfd_create(longname, 0), EINVAL);
  puts("memfd_create ok");

  // mincore: any page of memory is resident
  char *a = mmap(NULL, (size_t)pg * 3, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(a != MAP_FAILED);
  memset(a, 'a', (size_t)pg * 3);  // touched, so resident on Linux too
  unsigned char vec[4] = { 9, 9, 9, 9 };
  REQUIRE(mincore(a, (size_t)pg * 3, vec) == 0 && vec[0] == 1 && vec[1] == 1 && vec[2] == 1 && vec[3] == 9);
  REQUIRE(mincore(a, 1, vec) == 0);  // a partial page counts as one
  CHECK_ERRNO(mincore(a + 1, 1, vec), EINVAL);
  CHECK_ERRNO(mincore((void *)(uintptr_t)0xfffe0000u, (size_t)pg, vec), ENOMEM);
  puts("mincore ok");

  // mlock2: MLOCK_ONFAULT or nothing
  REQUIRE(mlock2(a, (size_t)pg, 0) == 0 && mlock2(a, (size_t)pg, MLOCK_ONFAULT) == 0);
  CHECK_ERRNO(mlock2(a, (size_t)pg, 0x80), EINVAL);
  REQUIRE(munlock(a, (size_t)pg) == 0);
  puts("mlock2 ok");

  // mremap: shrink in place; grow only by moving, bytes kept, zeroes after
  char *b = mremap(a, (size_t)pg * 3, (size_t)pg * 2, 0);
  REQUIRE(b == a && b[pg * 2 - 1] == 'a');
#ifdef __wasm__
  // Linux grows in place when the next pages are free; a heap block cannot
  errno = 0;
  REQUIRE(mremap(b, (size_t)pg * 2, (size_t)pg * 8, 0) == MAP_FAILED && errno == ENOMEM);
#endif
  char *c = mremap(b, (size_t)pg * 2, (size_t)pg * 8, MREMAP_MAYMOVE);
  REQUIRE(c != MAP_FAILED && c[0] == 'a' && c[pg * 2 - 1] == 'a' && c[pg * 2] == 0 && c[pg * 8 - 1] == 0);
  c[pg * 8 - 1] = 'z';
#ifdef __wasm__
  // part of a mapping: Linux splits it; a heap block cannot be split
  errno = 0;
  REQUIRE(mremap(c + pg, (size_t)pg, (size_t)pg * 2, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL);
#endif
  errno = 0;
  REQUIRE(mremap(c + 1, (size_t)pg, (size_t)pg, 0) == MAP_FAILED && errno == EINVAL);
  errno = 0;
  REQUIRE(mremap(c, (size_t)pg * 8, 0, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL);
  errno = 0;
  REQUIRE(mremap(c, (size_t)pg * 8, (size_t)pg, 0x40) == MAP_FAILED && errno == EINVAL);
  REQUIRE(munmap(c, (size_t)pg * 8) == 0);
  // the mapping is gone: nothing to resize
  errno = 0;
  REQUIRE(mremap(c, (size_t)pg * 8, (size_t)pg, 0) == MAP_FAILED && errno == EFAULT);
  puts("mremap ok");

#ifdef __wasm__
  CHECK_ERRNO(remap_file_pages(a, (size_t)pg, 0, 0, 0), ENOSYS);  // Linux emulates it
#endif
  puts("all ok");
  return CHECK_DONE();
}
