// The thread that runs main, pthread_self/pthread_equal, and the calls that
// name another thread: with one thread there is never another one to
// create, join or detach.  pthread_create fails with EAGAIN ("the system
// lacked the resources to create another thread"), what a program that
// falls back to doing the work itself expects.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include "wasip2_thread.h"

// tid 42: the fixed process id of src/proc/pid.c (a process's first thread
// has tid == pid on Linux too).
struct __pthread __wasip2_main_thread = {.tid = 42};

pthread_t pthread_self(void) { return &__wasip2_main_thread; }

#undef pthread_equal
int pthread_equal(pthread_t a, pthread_t b) { return a == b; }

int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg) {
  (void)t, (void)attr, (void)start, (void)arg;
  return EAGAIN;
}

int pthread_join(pthread_t t, void **result) {
  (void)result;
  __wasip2_thread_testcancel();  // a cancellation point
  if (t == pthread_self()) return EDEADLK;
  return ESRCH;
}

int pthread_tryjoin_np(pthread_t t, void **result) { return pthread_join(t, result); }

int pthread_timedjoin_np(pthread_t t, void **result, const struct timespec *abs) {
  (void)abs;
  return pthread_join(t, result);
}

int pthread_detach(pthread_t t) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (t->detached) return EINVAL;
  t->detached = 1;
  return 0;
}
