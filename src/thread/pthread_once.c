// pthread_once with musl's states (0 never run, 1 running, 2 done).  The
// routine may itself call pthread_once on the same control: with one
// thread that can only be recursion, which on Linux deadlocks; here it
// fails with EDEADLK.  In a -pthread build (WASIP2_COOP) another thread
// that finds the routine running waits for it to finish (its own recursion
// ends in EDEADLK from the scheduler, once nothing else can run).
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include "wasip2_thread.h"

int pthread_once(pthread_once_t *control, void (*init)(void)) {
  if (*control == 2) return 0;
#ifdef WASIP2_COOP
  while (*control == 1) {
    int r = __wasip2_thread_wait(control, 0);
    if (r) return r;
  }
  if (*control == 2) return 0;
  *control = 1;
  init();
  *control = 2;
  __wasip2_thread_wake(control, INT_MAX);
#else
  if (*control == 1) return EDEADLK;
  *control = 1;
  init();
  *control = 2;
#endif
  return 0;
}
