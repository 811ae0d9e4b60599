// Read-write locks.  __i[0] of musl's pthread_rwlock_t is the state: 0
// free (the all-zero initializer), n > 0 read-locked n times, WRITER
// write-locked; __i[2] process-shared (kept only).  All holders are the
// calling thread, so a lock that would have to wait for a holder to leave
// fails with EDEADLK (timed forms: ETIMEDOUT at the deadline), the try
// forms with EBUSY; read locks nest (EAGAIN past the count's range).
// In a -pthread build (WASIP2_COOP) a lock that cannot be taken is waited
// for while others run; every unlock wakes all waiters, which retry.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

#define STATE(l)   ((l)->__u.__i[0])
#define PSHARED(l) ((l)->__u.__i[2])
#define WRITER 0x7fffffff

int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a) {
  *l = (pthread_rwlock_t){0};
  if (a) PSHARED(l) = a->__attr[0] & 1;
  return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l) {
  return STATE(l) ? EBUSY : 0;
}

// 0 when taken, EAGAIN, or -1 when taking it means waiting for ourselves.
static int take_read(pthread_rwlock_t *l) {
  if (STATE(l) == WRITER) return -1;
  if (STATE(l) == WRITER - 1) return EAGAIN;
  STATE(l)++;
  return 0;
}

static int take_write(pthread_rwlock_t *l) {
  if (STATE(l)) return -1;
  STATE(l) = WRITER;
  return 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l) {
  int r = take_read(l);
  return r < 0 ? EBUSY : r;
}

#ifdef WASIP2_COOP
static int wait_take(pthread_rwlock_t *l, int write, clockid_t clock, const struct timespec *abs) {
  int r;
  while ((r = write ? take_write(l) : take_read(l)) < 0) {
    if (abs && clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
    if (abs && (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L)) return EINVAL;
    if ((r = __wasip2_thread_wait(l, abs ? __wasip2_thread_deadline(clock, abs) : 0))) return r;
  }
  return r;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l) { return wait_take(l, 0, CLOCK_REALTIME, 0); }

int pthread_rwlock_clockrdlock(pthread_rwlock_t *restrict l, clockid_t clock, const struct timespec *restrict abs) {
  return wait_take(l, 0, clock, abs);
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l) { return wait_take(l, 1, CLOCK_REALTIME, 0); }

int pthread_rwlock_clockwrlock(pthread_rwlock_t *restrict l, clockid_t clock, const struct timespec *restrict abs) {
  return wait_take(l, 1, clock, abs);
}
#else
int pthread_rwlock_rdlock(pthread_rwlock_t *l) {
  int r = take_read(l);
  return r < 0 ? EDEADLK : r;
}

int pthread_rwlock_clockrdlock(pthread_rwlock_t *restrict l, clockid_t clock, const struct timespec *restrict abs) {
  int r = take_read(l);
  return r < 0 ? __wasip2_thread_sleep_until(clock, abs) : r;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l) {
  return take_write(l) < 0 ? EDEADLK : 0;
}

int pthread_rwlock_clockwrlock(pthread_rwlock_t *restrict l, clockid_t clock, const struct timespec *restrict abs) {
  return take_write(l) < 0 ? __wasip2_thread_sleep_until(clock, abs) : 0;
}
#endif

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l, const struct timespec *restrict abs) {
  return pthread_rwlock_clockrdlock(l, CLOCK_REALTIME, abs);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l) {
  return take_write(l) < 0 ? EBUSY : 0;
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l, const struct timespec *restrict abs) {
  return pthread_rwlock_clockwrlock(l, CLOCK_REALTIME, abs);
}

int pthread_rwlock_unlock(pthread_rwlock_t *l) {
  if (!STATE(l)) return EPERM;  // not held by anyone, so not by the caller
  STATE(l) = STATE(l) == WRITER ? 0 : STATE(l) - 1;
#ifdef WASIP2_COOP
  if (!STATE(l)) __wasip2_thread_wake(l, INT_MAX);
#endif
  return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *a) {
  *a = (pthread_rwlockattr_t){0};
  return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a) {
  (void)a;
  return 0;
}

int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a, int *restrict pshared) {
  *pshared = a->__attr[0] & 1;
  return 0;
}

int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared) {
  if ((unsigned)pshared > PTHREAD_PROCESS_SHARED) return EINVAL;
  a->__attr[0] = (unsigned)pshared;
  return 0;
}
