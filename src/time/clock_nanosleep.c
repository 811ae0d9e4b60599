// clock_nanosleep(2) (nanosleep, usleep and sleep in the top half call
// this): a sleep of the wait core (src/wait/sleep.c), which costs one
// duration pollable when nothing can interrupt it.  Absolute REALTIME
// sleeps become a duration from now.
//
// Signals: when an alarm's handler runs during the sleep, it ends with
// EINTR and the time left in *rem (relative sleeps), as POSIX says;
// SA_RESTART does not restart sleeps (Linux agrees).  An ignored alarm lets
// the sleep go on.  With -pthread the other threads run meanwhile.
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include "wasip2_fd.h"
#include "wasip2_runtime.h"

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem) {
  if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) return EINVAL;
  if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC) return id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID || __WASIP2_IS_THREAD_CPUCLOCK(id) ? ENOTSUP : EINVAL;
  uint64_t ns = (uint64_t)req->tv_sec * 1000000000u + req->tv_nsec;
  if (ns > INT64_MAX / 2) ns = INT64_MAX / 2;
  if (!(flags & TIMER_ABSTIME) && !__wasip2_wait_cut_short()) {
    // Nothing can interrupt it: the fewest host calls.
    __wasip2_sleep((int64_t)ns, WASIP2_WAIT_EINTR);
    return 0;
  }
  int64_t end;
  if (!(flags & TIMER_ABSTIME)) {
    end = (int64_t)__wasip2_now_ns() + (int64_t)ns;
  } else if (id == CLOCK_MONOTONIC) {
    end = (int64_t)ns;
  } else {
    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    uint64_t n = (uint64_t)rt.tv_sec * 1000000000u + rt.tv_nsec;
    if (!__wasip2_wait_cut_short()) {
      __wasip2_sleep((int64_t)(ns > n ? ns - n : 0), WASIP2_WAIT_EINTR);
      return 0;
    }
    end = (int64_t)__wasip2_now_ns() + (int64_t)(ns > n ? ns - n : 0);
  }
  if (__wasip2_sleep_until(end, WASIP2_WAIT_EINTR) == 0) return 0;
  if (rem && !(flags & TIMER_ABSTIME)) {
    int64_t left = end - (int64_t)__wasip2_now_ns();
    if (left < 0) left = 0;
    rem->tv_sec = (time_t)(left / 1000000000);
    rem->tv_nsec = (long)(left % 1000000000);
  }
  return EINTR;
}
