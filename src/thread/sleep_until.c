// The wait behind every timed lock and timed condition wait: nothing but
// the deadline can end it (there is no other thread), so sleep until it
// through clock_nanosleep, which runs alarm handlers on time at its safe
// points, then report the timeout.  A handler's EINTR does not end the
// wait, as a futex wait on Linux is restarted.
#include <errno.h>
#include <time.h>
#include "wasip2_thread.h"

int __wasip2_thread_sleep_until(clockid_t clock, const struct timespec *abs) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
  if (!abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L) return EINVAL;
#ifdef WASIP2_COOP
  // Only reached with threads when the object can never be released by
  // anyone: a plain deadline wait.
  return __wasip2_thread_wait(0, __wasip2_thread_deadline(clock, abs)) == EDEADLK ? EDEADLK : ETIMEDOUT;
#else
  int r;
  while ((r = clock_nanosleep(clock, TIMER_ABSTIME, abs, 0)) == EINTR) {}
  return r ? r : ETIMEDOUT;
#endif
}
