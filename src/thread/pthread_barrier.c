// Barriers.  __i[0] of musl's pthread_barrier_t is the count.  One thread
// can pass a barrier for one (it is the serial thread every time); a
// barrier for more would wait forever for threads that cannot exist, so
// its wait fails with EDEADLK.
#include <errno.h>
#include <pthread.h>

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

int pthread_barrier_wait(pthread_barrier_t *b) {
  if (COUNT(b) <= 0) return EINVAL;  // never initialised, or destroyed
  return COUNT(b) == 1 ? PTHREAD_BARRIER_SERIAL_THREAD : EDEADLK;
}

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
