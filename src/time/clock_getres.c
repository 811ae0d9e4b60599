// clock_getres(2): the resolution each WASI clock reports.
#include <errno.h>
#include <time.h>
#include "wasip2_fd.h"
#include "wasip2_runtime.h"

int clock_getres(clockid_t id, struct timespec *ts) {
  uint64_t sec, ns;
  if (id == CLOCK_REALTIME) {
    wasi_clocks_wall_clock_datetime_t t;
    wasi_clocks_wall_clock_resolution(&t);
    sec = t.seconds;
    ns = t.nanoseconds;
  } else if (id == CLOCK_MONOTONIC || id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID ||
             __WASIP2_IS_THREAD_CPUCLOCK(id)) {
    uint64_t r = wasi_clocks_monotonic_clock_resolution();
    sec = r / 1000000000u;
    ns = r % 1000000000u;
  } else {
    errno = EINVAL;
    return -1;
  }
  if (ts) { ts->tv_sec = sec; ts->tv_nsec = ns; }
  return 0;
}
