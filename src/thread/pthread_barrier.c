// Barriers.  __i[0] of musl's pthread_barrier_t is the count.  One thread
// can pass a barrier for one (it is the serial thread every time); a
// barrier for more would wait forever for threads that cannot exist, so
// its wait fails with EDEADLK.  In a -pthread build (WASIP2_COOP) the
// waiters really wait: __i[1] counts them, __i[2] is the generation; the
// last to arrive is the serial thread and wakes the others.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

#define COUNT(b) ((b)->__u.__i[0])

int pthread_barrier_init(pthread_barrier_t *restrict b, const pthread_barrierattr_t *restrict a,
                         unsigned count) {
  (void)a;
  if (count == 0 || count > 0x7fffffffu) return EINVAL;
  *b = (pthread_barrier_t){0};
  COUNT(b) = (int)count;
  return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b) {
  COUNT(b) = 0;
  return 0;
}

#ifdef WASIP2_COOP
#define WAITING(b) ((b)->__u.__i[1])
#define GEN(b)     ((b)->__u.__i[2])

int pthread_barrier_wait(pthread_barrier_t *b) {
  if (COUNT(b) <= 0) return EINVAL;  // never initialised, or destroyed
  if (++WAITING(b) == COUNT(b)) {
    WAITING(b) = 0;
    GEN(b)++;
    __wasip2_thread_wake(b, INT_MAX);
    return PTHREAD_BARRIER_SERIAL_THREAD;
  }
  int gen = GEN(b);
  while (GEN(b) == gen) {
    int r = __wasip2_thread_wait(b, 0);
    if (r) {
      WAITING(b)--;
      return r;
    }
  }
  return 0;
}
#else
int pthread_barrier_wait(pthread_barrier_t *b) {
  if (COUNT(b) <= 0) return EINVAL;  // never initialised, or destroyed
  return COUNT(b) == 1 ? PTHREAD_BARRIER_SERIAL_THREAD : EDEADLK;
}
#endif

int pthread_barrierattr_init(pthread_barrierattr_t *a) {
  a->__attr = 0;
  return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a) {
  (void)a;
  return 0;
}

int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict a, int *restrict pshared) {
  *pshared = (int)a->__attr;
  return 0;
}

int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared) {
  if ((unsigned)pshared > PTHREAD_PROCESS_SHARED) return EINVAL;
  a->__attr = (unsigned)pshared;
  return 0;
}
