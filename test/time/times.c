// times() is positive from the first call (ticks since a point in the past,
// as Linux), never 0 or -1, and grows with real time; clock() and the tms
// process times measure the same thing (CPU time on Linux; on WASI, which
// has no CPU clock, time since the program started) and agree; times(NULL)
// works.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(void) {
  struct tms t0, t1;
  clock_t r0 = times(&t0);     // the very first call
  clock_t c0 = clock();
  OK(r0 > 0 && r0 != (clock_t)-1);
  OK(c0 >= 0);
  OK(times(NULL) >= r0);
  long hz = sysconf(_SC_CLK_TCK);
  OK(hz == 100);
  OK(t0.tms_cutime == 0 && t0.tms_cstime == 0);

  // 150 ms of busy work
  long long end = now_ms() + 150;
  volatile unsigned long spin = 0;
  while (now_ms() < end) spin++;
  clock_t r1 = times(&t1);
  clock_t c1 = clock();
  long wall = (long)(r1 - r0);
  long cpu_ticks = (long)((t1.tms_utime + t1.tms_stime) - (t0.tms_utime + t0.tms_stime));
  long clock_ticks = (long)((c1 - c0) / (CLOCKS_PER_SEC / hz));
  OK(wall >= 14 && wall < 1000);               // the 150 ms, in ticks
  OK(cpu_ticks >= 0 && cpu_ticks <= wall + 1); // never more CPU than real time
  OK(clock_ticks - cpu_ticks >= -2 && clock_ticks - cpu_ticks <= 2); // the same measure
  OK(c1 > c0);
  OK(t1.tms_cutime == 0 && t1.tms_cstime == 0); // no children
  return CHECK_DONE();
}
