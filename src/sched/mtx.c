// C11 mutexes (<threads.h> mtx_*) over pthread mutexes: mtx_t and
// pthread_mutex_t share musl's layout, so cnd_wait can hand an mtx_t to
// pthread_cond_wait, and a -pthread build gets the waiting versions
// (src/thread/coop) with no change here.  mtx_plain and mtx_timed are
// normal mutexes, mtx_recursive a recursive one.  Without -pthread, a held
// plain mutex can never be released by anyone: mtx_lock reports thrd_error
// instead of hanging, mtx_timedlock waits out the deadline, then
// thrd_timedout (src/thread/pthread_mutex.c).
#include <errno.h>
#include <pthread.h>
#include <threads.h>

int mtx_init(mtx_t *m, int type) {
  if (type & ~(mtx_recursive | mtx_timed)) return thrd_error;
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, type & mtx_recursive ? PTHREAD_MUTEX_RECURSIVE : PTHREAD_MUTEX_NORMAL);
  return pthread_mutex_init((pthread_mutex_t *)m, &a) ? thrd_error : thrd_success;
}

void mtx_destroy(mtx_t *m) { pthread_mutex_destroy((pthread_mutex_t *)m); }

int mtx_trylock(mtx_t *m) {
  int r = pthread_mutex_trylock((pthread_mutex_t *)m);
  return r == 0 ? thrd_success : r == EBUSY ? thrd_busy : thrd_error;
}

int mtx_lock(mtx_t *m) {
  return pthread_mutex_lock((pthread_mutex_t *)m) ? thrd_error : thrd_success;
}

int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts) {
  int r = pthread_mutex_timedlock((pthread_mutex_t *)m, ts);
  return r == 0 ? thrd_success : r == ETIMEDOUT ? thrd_timedout : thrd_error;
}

int mtx_unlock(mtx_t *m) {
  return pthread_mutex_unlock((pthread_mutex_t *)m) ? thrd_error : thrd_success;
}
