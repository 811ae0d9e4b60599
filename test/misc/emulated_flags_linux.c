// Upstream's emulation flags on a program that also wants the Linux parts of
// the headers they gate: with -D_WASI_EMULATED_PROCESS_CLOCKS and
// -D_WASI_EMULATED_MMAN (and their -l libraries) the full struct rusage and
// the Linux mman calls are still declared and work, as without the flags.
//! cflags: -D_GNU_SOURCE -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_MMAN -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_GETPID -lwasi-emulated-process-clocks -lwasi-emulated-mman -lwasi-emulated-signal -lwasi-emulated-getpid
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct rusage ru;
  REQUIRE(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > 0 && ru.ru_nvcsw == 0);
  long pg = sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  p[0] = 'k';
  char *q = mremap(p, (size_t)pg, (size_t)pg * 2, MREMAP_MAYMOVE);
  REQUIRE(q != MAP_FAILED && q[0] == 'k');
  unsigned char v[2];
  REQUIRE(mincore(q, (size_t)pg * 2, v) == 0 && v[0] == 1);
  REQUIRE(munmap(q, (size_t)pg * 2) == 0);
  REQUIRE(getpid() > 0);
  printf("maxrss %ld KiB; emulated flags ok\n", ru.ru_maxrss);
  return CHECK_DONE();
}
