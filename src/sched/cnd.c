// C11 condition variables (<threads.h> cnd_*) over pthread ones (same
// layout); the mutex is an mtx_t, itself a pthread mutex (mtx.c).
#include <errno.h>
#include <pthread.h>
#include <threads.h>

int cnd_init(cnd_t *c) {
  return pthread_cond_init((pthread_cond_t *)c, 0) ? thrd_error : thrd_success;
}

void cnd_destroy(cnd_t *c) { pthread_cond_destroy((pthread_cond_t *)c); }

int cnd_signal(cnd_t *c) {
  return pthread_cond_signal((pthread_cond_t *)c) ? thrd_error : thrd_success;
}

int cnd_broadcast(cnd_t *c) {
  return pthread_cond_broadcast((pthread_cond_t *)c) ? thrd_error : thrd_success;
}

int cnd_wait(cnd_t *c, mtx_t *m) {
  return pthread_cond_wait((pthread_cond_t *)c, (pthread_mutex_t *)m) ? thrd_error : thrd_success;
}

int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m, const struct timespec *restrict ts) {
  int r = pthread_cond_timedwait((pthread_cond_t *)c, (pthread_mutex_t *)m, ts);
  return r == 0 ? thrd_success : r == ETIMEDOUT ? thrd_timedout : thrd_error;
}
