// clock_nanosleep(2): one monotonic-clock pollable, blocked on, dropped.
// Absolute REALTIME sleeps are converted to a duration from now.
// (nanosleep, usleep and sleep in the top half call this.)
#include <errno.h>
#include <time.h>
#include "wasip2_fd.h"

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem) {
  (void)rem;
  if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) return EINVAL;
  if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC) return id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID ? ENOTSUP : EINVAL;
  uint64_t ns = (uint64_t)req->tv_sec * 1000000000u + req->tv_nsec;
  wasi_io_poll_pollable_t p;
  if (flags & TIMER_ABSTIME) {
    if (id == CLOCK_MONOTONIC) {
      p = wasi_clocks_monotonic_clock_subscribe_instant(ns);
    } else {
      struct timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      uint64_t n = (uint64_t)now.tv_sec * 1000000000u + now.tv_nsec;
      p = wasi_clocks_monotonic_clock_subscribe_duration(ns > n ? ns - n : 0);
    }
  } else {
    p = wasi_clocks_monotonic_clock_subscribe_duration(ns);
  }
  wasi_io_poll_pollable_block(p);
  wasi_io_poll_pollable_drop(p);
  return 0;
}
