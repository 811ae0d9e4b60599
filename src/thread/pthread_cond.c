// Condition variables.  Only another thread could signal a condition, and
// there is none: a wait without a deadline could never end, so it fails
// with EDEADLK instead of hanging; a timed wait releases the mutex, sleeps
// until its deadline (on the condition's clock) and reports ETIMEDOUT with
// the mutex held again.  Signal and broadcast wake nobody: there are no
// waiters.  The clock is __i[0] (0 CLOCK_REALTIME, the all-zero default;
// 1 CLOCK_MONOTONIC), as pthread_condattr_t's low bit.
//
// In a -pthread build (WASIP2_COOP) waits are real: the waiter blocks on
// the condition's address until a signal (first waiter first), a broadcast
// (all) or its deadline.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

#define CLOCK(c) ((c)->__u.__i[0])

int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a) {
  *c = (pthread_cond_t){0};
  if (a) CLOCK(c) = a->__attr & 1;
  return 0;
}

int pthread_cond_destroy(pthread_cond_t *c) {
  (void)c;
  return 0;
}

#ifdef WASIP2_COOP
int pthread_cond_signal(pthread_cond_t *c) {
  __wasip2_thread_wake(c, 1);
  return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c) {
  __wasip2_thread_wake(c, INT_MAX);
  return 0;
}

static int wait_until(pthread_cond_t *c, pthread_mutex_t *m, clockid_t clock, const struct timespec *abs) {
  __wasip2_thread_testcancel();  // a cancellation point
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
  if (abs && (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L)) return EINVAL;
  int count = __wasip2_mutex_release(m);
  if (count < 0) return -count;
  int r = __wasip2_thread_wait(c, abs ? __wasip2_thread_deadline(clock, abs) : 0);
  __wasip2_mutex_reacquire(m, count);
  return r;
}
#else
int pthread_cond_signal(pthread_cond_t *c) {
  (void)c;
  return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c) {
  (void)c;
  return 0;
}

static int wait_until(pthread_mutex_t *m, clockid_t clock, const struct timespec *abs) {
  __wasip2_thread_testcancel();  // a cancellation point
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
  if (abs && (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L)) return EINVAL;
  int count = __wasip2_mutex_release(m);
  if (count < 0) return -count;
  if (!abs) {
    __wasip2_mutex_reacquire(m, count);
    return EDEADLK;
  }
  int r = __wasip2_thread_sleep_until(clock, abs);
  __wasip2_mutex_reacquire(m, count);
  return r;
}
#define wait_until(c, m, clock, abs) wait_until(m, clock, abs)
#endif

int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m) {
  return wait_until(c, m, CLOCK_REALTIME, 0);
}

int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
                           const struct timespec *restrict abs) {
  return wait_until(c, m, CLOCK(c) ? CLOCK_MONOTONIC : CLOCK_REALTIME, abs);
}

int pthread_cond_clockwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m, clockid_t clock,
                           const struct timespec *restrict abs) {
  return wait_until(c, m, clock, abs);
}
