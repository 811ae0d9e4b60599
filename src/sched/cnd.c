// C11 condition variables for one thread: nobody else can signal, so
// signal/broadcast have no waiter to wake; cnd_wait would wait forever and
// reports thrd_error instead of hanging (as mtx_lock on a held mutex does);
// cnd_timedwait waits out its TIME_UTC deadline (a signal handler may run
// meanwhile) and reports thrd_timedout, the mutex held again as C11 requires.
#include <errno.h>
#include <threads.h>
#include <time.h>

int cnd_init(cnd_t *c) { (void)c; return thrd_success; }
void cnd_destroy(cnd_t *c) { (void)c; }
int cnd_signal(cnd_t *c) { (void)c; return thrd_success; }
int cnd_broadcast(cnd_t *c) { (void)c; return thrd_success; }

int cnd_wait(cnd_t *c, mtx_t *m) {
  (void)c; (void)m;
  return thrd_error;
}

int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m, const struct timespec *restrict at) {
  (void)c; (void)m;
  if (!at || at->tv_nsec < 0 || at->tv_nsec >= 1000000000) return thrd_error;
  int r;
  while ((r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, at, NULL)) == EINTR) {}
  return r == 0 ? thrd_timedout : thrd_error;
}
