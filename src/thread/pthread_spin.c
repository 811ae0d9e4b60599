// Spin locks: 0 free, 1 held.  Spinning on a lock only the caller holds
// would never end, so pthread_spin_lock fails with EDEADLK (a "may fail"
// of POSIX) instead.  In a -pthread build (WASIP2_COOP) a lock another
// thread holds is waited for (spinning would never let the holder run), and
// an unlock wakes one waiter; it stays EDEADLK once nothing else can run.
#include <errno.h>
#include <pthread.h>
#include "wasip2_thread.h"

int pthread_spin_init(pthread_spinlock_t *s, int pshared) {
  if ((unsigned)pshared > PTHREAD_PROCESS_SHARED) return EINVAL;
  *s = 0;
  return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *s) {
  return *s ? EBUSY : 0;
}

int pthread_spin_trylock(pthread_spinlock_t *s) {
  if (*s) return EBUSY;
  *s = 1;
  return 0;
}

#ifdef WASIP2_COOP
int pthread_spin_lock(pthread_spinlock_t *s) {
  while (pthread_spin_trylock(s)) {
    int r = __wasip2_thread_wait(s, 0);
    if (r) return r;
  }
  return 0;
}
#else
int pthread_spin_lock(pthread_spinlock_t *s) {
  return pthread_spin_trylock(s) ? EDEADLK : 0;
}
#endif

int pthread_spin_unlock(pthread_spinlock_t *s) {
  if (!*s) return EPERM;
  *s = 0;
#ifdef WASIP2_COOP
  __wasip2_thread_wake(s, 1);
#endif
  return 0;
}
