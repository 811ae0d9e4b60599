// gettimeofday(2) and time(2) from the wall clock.
#include <sys/time.h>
#include <time.h>
#include "wasip2_fd.h"

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
  (void)tz;
  if (!tv) return 0;
  wasi_clocks_wall_clock_datetime_t t;
  wasi_clocks_wall_clock_now(&t);
  tv->tv_sec = t.seconds;
  tv->tv_usec = t.nanoseconds / 1000;
  return 0;
}

time_t time(time_t *out) {
  wasi_clocks_wall_clock_datetime_t t;
  wasi_clocks_wall_clock_now(&t);
  if (out) *out = t.seconds;
  return t.seconds;
}
