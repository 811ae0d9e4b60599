// Mutexes.  Layout inside musl's pthread_mutex_t (all zero = unlocked
// normal mutex, what PTHREAD_MUTEX_INITIALIZER and upstream's objects
// give): __i[0] the attribute bits (type in bits 0-1), __i[1] the owner's
// tid (0 = unlocked), __i[5] the lock count.
//
// The owner is always the calling thread (there is no other), so a lock
// that is already held can never be released by someone else: relocking a
// normal mutex, which on Linux hangs forever, fails with EDEADLK; a timed
// lock waits out its deadline, then ETIMEDOUT.  A scheduler would block
// where this code returns those.  In a -pthread build (WASIP2_COOP) it does:
// a mutex another thread holds is waited for, the others running meanwhile,
// and an unlock wakes the first waiter, which then retries.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

#define ATTR(m)  ((m)->__u.__i[0])
#define OWNER(m) ((m)->__u.__i[1])
#define COUNT(m) ((m)->__u.__i[5])
#define TYPE(m)  (ATTR(m) & 3)

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a) {
  *m = (pthread_mutex_t){0};
  if (a) ATTR(m) = (int)a->__attr;
  return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m) {
  return OWNER(m) ? EBUSY : 0;
}

// 0 when taken, EBUSY/EAGAIN/EDEADLK when it cannot be, -1 when taking it
// means waiting for a release that cannot come.
static int take(pthread_mutex_t *m, int try) {
  int tid = __wasip2_self()->tid;
  if (!OWNER(m)) {
    OWNER(m) = tid;
    COUNT(m) = 1;
    return 0;
  }
  if (OWNER(m) == tid) {
    if (TYPE(m) == PTHREAD_MUTEX_RECURSIVE) {
      if (COUNT(m) == INT_MAX) return EAGAIN;
      COUNT(m)++;
      return 0;
    }
    if (try) return EBUSY;
    if (TYPE(m) == PTHREAD_MUTEX_ERRORCHECK) return EDEADLK;
  }
  return try ? EBUSY : -1;
}

int pthread_mutex_trylock(pthread_mutex_t *m) { return take(m, 1); }

#ifdef WASIP2_COOP
// Wait until m can be taken; deadline 0 = none.
static int lock_wait(pthread_mutex_t *m, unsigned long long deadline) {
  int r;
  while ((r = take(m, 0)) < 0) {
    // Relocking a normal mutex one holds would hang forever.
    if (OWNER(m) == __wasip2_self()->tid) return EDEADLK;
    if ((r = __wasip2_thread_wait(m, deadline))) return r;
  }
  return r;
}

int pthread_mutex_lock(pthread_mutex_t *m) { return lock_wait(m, 0); }

int pthread_mutex_clocklock(pthread_mutex_t *restrict m, clockid_t clock, const struct timespec *restrict abs) {
  int r = take(m, 0);
  if (r >= 0) return r;
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
  if (!abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L) return EINVAL;
  return lock_wait(m, __wasip2_thread_deadline(clock, abs));
}
#else
int pthread_mutex_lock(pthread_mutex_t *m) {
  int r = take(m, 0);
  return r < 0 ? EDEADLK : r;
}

int pthread_mutex_clocklock(pthread_mutex_t *restrict m, clockid_t clock, const struct timespec *restrict abs) {
  int r = take(m, 0);
  return r < 0 ? __wasip2_thread_sleep_until(clock, abs) : r;
}
#endif

int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict abs) {
  return pthread_mutex_clocklock(m, CLOCK_REALTIME, abs);
}

int pthread_mutex_unlock(pthread_mutex_t *m) {
  // Unlocking a mutex one does not hold is EPERM for the error-checking
  // and recursive types; undefined for normal ones, where EPERM is kinder
  // than corrupting the count.
  if (OWNER(m) != __wasip2_self()->tid) return EPERM;
  if (--COUNT(m) == 0) {
    OWNER(m) = 0;
#ifdef WASIP2_COOP
    __wasip2_thread_wake(m, 1);
#endif
  }
  return 0;
}

// An owner can only die with the process: a robust mutex is never left
// inconsistent.
int pthread_mutex_consistent(pthread_mutex_t *m) {
  (void)m;
  return EINVAL;
}

int pthread_mutex_getprioceiling(const pthread_mutex_t *restrict m, int *restrict ceiling) {
  (void)m, (void)ceiling;
  return EINVAL;  // no mutex has the PTHREAD_PRIO_PROTECT protocol
}

int pthread_mutex_setprioceiling(pthread_mutex_t *restrict m, int ceiling, int *restrict old) {
  (void)m, (void)ceiling, (void)old;
  return EINVAL;
}

int __wasip2_mutex_release(pthread_mutex_t *m) {
  if (OWNER(m) != __wasip2_self()->tid) return -EPERM;
  int count = COUNT(m);
  COUNT(m) = 0;
  OWNER(m) = 0;
#ifdef WASIP2_COOP
  __wasip2_thread_wake(m, 1);
#endif
  return count;
}

void __wasip2_mutex_reacquire(pthread_mutex_t *m, int count) {
#ifdef WASIP2_COOP
  // POSIX: the condition wait returns with the mutex held, whatever else.
  while (OWNER(m)) __wasip2_thread_wait(m, 0);
#endif
  OWNER(m) = __wasip2_self()->tid;
  COUNT(m) = count;
}
