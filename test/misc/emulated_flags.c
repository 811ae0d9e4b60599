// Builds written for the upstream SDK pass -D_WASI_EMULATED_* and
// -lwasi-emulated-*: accepted and harmless.
//! cflags: -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_MMAN -lwasi-emulated-signal -lwasi-emulated-getpid -lwasi-emulated-process-clocks -lwasi-emulated-mman
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
static volatile sig_atomic_t got;
static void h(int s) { got = s; }
int main(void) {
  signal(SIGINT, h);
  raise(SIGINT);
  struct tms t;
  times(&t);
  void *p = mmap(0, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("got %d pid %d clock %d map %d\n", (int)got, getpid(), (long)clock() >= 0, p != MAP_FAILED);
  CHECK(got == SIGINT);
  CHECK(p != MAP_FAILED);
  return CHECK_DONE();
}
