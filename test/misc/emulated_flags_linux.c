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

#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s (errno %d)\n", __LINE__, #c, errno); return 1; } } while (0)

int main(void) {
  struct rusage ru;
  CHECK(getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > 0 && ru.ru_nvcsw == 0);
  long pg = sysconf(_SC_PAGESIZE);
  char *p = mmap(NULL, (size_t)pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(p != MAP_FAILED);
  p[0] = 'k';
  char *q = mremap(p, (size_t)pg, (size_t)pg * 2, MREMAP_MAYMOVE);
  CHECK(q != MAP_FAILED && q[0] == 'k');
  unsigned char v[2];
  CHECK(mincore(q, (size_t)pg * 2, v) == 0 && v[0] == 1);
  CHECK(munmap(q, (size_t)pg * 2) == 0);
  CHECK(getpid() > 0);
  printf("maxrss %ld KiB; emulated flags ok\n", ru.ru_maxrss);
  return 0;
}
