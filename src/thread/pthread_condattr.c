// Condition attributes: bit 0 of __attr is the clock (0 CLOCK_REALTIME,
// 1 CLOCK_MONOTONIC; WASI's clockid_t is a pointer, so it is stored as a
// code), bit 31 process-shared (one process: kept and read back only).
#include <errno.h>
#include <pthread.h>

#define PSHARED 0x80000000u

int pthread_condattr_init(pthread_condattr_t *a) {
  a->__attr = 0;
  return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a) {
  (void)a;
  return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *restrict a, clockid_t *restrict clock) {
  *clock = a->__attr & 1 ? CLOCK_MONOTONIC : CLOCK_REALTIME;
  return 0;
}

// POSIX: a CPU-time clock is EINVAL here, as is any unknown one.
int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock) {
  if (clock == CLOCK_REALTIME) a->__attr &= ~1u;
  else if (clock == CLOCK_MONOTONIC) a->__attr |= 1u;
  else return EINVAL;
  return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *restrict a, int *restrict pshared) {
  *pshared = !!(a->__attr & PSHARED);
  return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int pshared) {
  if ((unsigned)pshared > PTHREAD_PROCESS_SHARED) return EINVAL;
  a->__attr = pshared ? a->__attr | PSHARED : a->__attr & ~PSHARED;
  return 0;
}
