// Mutex attributes, in musl's bit layout of pthread_mutexattr_t: type in
// bits 0-1, robust bit 2, priority inheritance bit 3, process-shared bit 7.
// One process and one thread: pshared and robustness change nothing but
// are kept and read back; priority protection (ceilings) is not supported.
#include <errno.h>
#include <pthread.h>

#define TYPE_MASK 3u
#define ROBUST    4u
#define INHERIT   8u
#define PSHARED   128u

int pthread_mutexattr_init(pthread_mutexattr_t *a) {
  a->__attr = 0;
  return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a) {
  (void)a;
  return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a, int *restrict type) {
  *type = a->__attr & TYPE_MASK;
  return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type) {
  if ((unsigned)type > PTHREAD_MUTEX_ERRORCHECK) return EINVAL;
  a->__attr = (a->__attr & ~TYPE_MASK) | (unsigned)type;
  return 0;
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *restrict a, int *restrict robust) {
  *robust = !!(a->__attr & ROBUST);
  return 0;
}

int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int robust) {
  if ((unsigned)robust > PTHREAD_MUTEX_ROBUST) return EINVAL;
  a->__attr = robust ? a->__attr | ROBUST : a->__attr & ~ROBUST;
  return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict a, int *restrict pshared) {
  *pshared = !!(a->__attr & PSHARED);
  return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared) {
  if ((unsigned)pshared > PTHREAD_PROCESS_SHARED) return EINVAL;
  a->__attr = pshared ? a->__attr | PSHARED : a->__attr & ~PSHARED;
  return 0;
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *restrict a, int *restrict protocol) {
  *protocol = a->__attr & INHERIT ? PTHREAD_PRIO_INHERIT : PTHREAD_PRIO_NONE;
  return 0;
}

// Inheritance is trivially honoured (no other thread can hold a lock we
// wait for); protection needs priority ceilings, which WASI has no notion of.
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *a, int protocol) {
  switch (protocol) {
  case PTHREAD_PRIO_NONE: a->__attr &= ~INHERIT; return 0;
  case PTHREAD_PRIO_INHERIT: a->__attr |= INHERIT; return 0;
  case PTHREAD_PRIO_PROTECT: return ENOTSUP;
  default: return EINVAL;
  }
}

int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *restrict a, int *restrict ceiling) {
  (void)a;
  *ceiling = 0;
  return 0;
}

int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *a, int ceiling) {
  (void)a, (void)ceiling;
  return EINVAL;
}
