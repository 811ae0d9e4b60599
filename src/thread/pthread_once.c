// pthread_once with musl's states (0 never run, 1 running, 2 done).  The
// routine may itself call pthread_once on the same control: with one
// thread that can only be recursion, which on Linux deadlocks; here it
// fails with EDEADLK.
#include <errno.h>
#include <pthread.h>

int pthread_once(pthread_once_t *control, void (*init)(void)) {
  if (*control == 2) return 0;
  if (*control == 1) return EDEADLK;
  *control = 1;
  init();
  *control = 2;
  return 0;
}
