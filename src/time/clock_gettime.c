// clock_gettime(2) on wasi:clocks.  CLOCK_REALTIME is the wall clock; every
// other clock (MONOTONIC, and the CPU-time clocks, which WASI lacks) reads
// the monotonic clock: documented in docs/compatibility.md.  A thread's
// CPU clock (pthread_getcpuclockid) reads as CLOCK_THREAD_CPUTIME_ID does.
#include <errno.h>
#include <time.h>
#include "wasip2_runtime.h"
#include "wasip2_top.h"

uint64_t __wasip2_now_ns(void) {
  return wasi_clocks_monotonic_clock_now();
}


int __clock_gettime(clockid_t id, struct timespec *ts) {
  if (!ts) { errno = EFAULT; return -1; }
  if (id == CLOCK_REALTIME) {
    wasi_clocks_wall_clock_datetime_t t;
    wasi_clocks_wall_clock_now(&t);
    ts->tv_sec = t.seconds;
    ts->tv_nsec = t.nanoseconds;
    return 0;
  }
  if (id == CLOCK_MONOTONIC || id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID ||
      __WASIP2_IS_THREAD_CPUCLOCK(id)) {
    uint64_t ns = wasi_clocks_monotonic_clock_now();
    ts->tv_sec = ns / 1000000000u;
    ts->tv_nsec = ns % 1000000000u;
    return 0;
  }
  errno = EINVAL;
  return -1;
}

int clock_gettime(clockid_t id, struct timespec *ts) __attribute__((weak, alias("__clock_gettime")));
