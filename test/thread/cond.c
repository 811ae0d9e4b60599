// Condition variables with one thread: timedwait releases the mutex,
// really sleeps until the deadline (CLOCK_REALTIME by default,
// CLOCK_MONOTONIC through condattr_setclock or clockwait), then returns
// ETIMEDOUT with the mutex held again; a wait nobody can ever signal fails
// with EDEADLK instead of hanging; a mutex the caller does not hold is
// EPERM; a malformed deadline EINVAL.  An alarm handler that runs during a
// timed wait does not cut it short.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include "check.h"

static double now(clockid_t c) {
  struct timespec ts;
  clock_gettime(c, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct timespec in_ms(clockid_t c, long ms) {
  struct timespec ts;
  clock_gettime(c, &ts);
  ts.tv_sec += ms / 1000;
  ts.tv_nsec += (ms % 1000) * 1000000L;
  if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
  return ts;
}

static volatile sig_atomic_t alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  OK(pthread_cond_signal(&c) == 0 && pthread_cond_broadcast(&c) == 0, "signal/broadcast with no waiters: 0");

  pthread_mutex_lock(&m);
  struct timespec dl = in_ms(CLOCK_REALTIME, 200);
  double t0 = now(CLOCK_MONOTONIC);
  int r = pthread_cond_timedwait(&c, &m, &dl);
  double waited = now(CLOCK_MONOTONIC) - t0;
  OK(r == ETIMEDOUT, "timedwait: ETIMEDOUT (got %d)", r);
  OK(now(CLOCK_REALTIME) >= dl.tv_sec + dl.tv_nsec / 1e9 && waited >= 0.19, "  after the deadline (waited %.3f s)", waited);
  OK(pthread_mutex_trylock(&m) == EBUSY, "  the mutex is held again");

  OK(pthread_cond_wait(&c, &m) == EDEADLK, "wait nobody can signal: EDEADLK, no hang");
  OK(pthread_mutex_trylock(&m) == EBUSY, "  the mutex is still held");

  struct timespec bad = {0, -1};
  OK(pthread_cond_timedwait(&c, &m, &bad) == EINVAL, "timedwait with tv_nsec -1: EINVAL");
  struct timespec past = {1, 0};
  t0 = now(CLOCK_MONOTONIC);
  OK(pthread_cond_timedwait(&c, &m, &past) == ETIMEDOUT && now(CLOCK_MONOTONIC) - t0 < 0.1,
        "deadline in the past: ETIMEDOUT at once");
  pthread_mutex_unlock(&m);
  OK(pthread_cond_timedwait(&c, &m, &dl) == EPERM, "timedwait without holding the mutex: EPERM");
  OK(pthread_cond_wait(&c, &m) == EPERM, "wait without holding the mutex: EPERM");

  // recursive mutex held twice: released completely during the wait, held twice after
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t rm;
  pthread_mutex_init(&rm, &ma);
  pthread_mutex_lock(&rm);
  pthread_mutex_lock(&rm);
  dl = in_ms(CLOCK_REALTIME, 20);
  OK(pthread_cond_timedwait(&c, &rm, &dl) == ETIMEDOUT, "timedwait on a twice-held recursive mutex");
  OK(pthread_mutex_unlock(&rm) == 0 && pthread_mutex_unlock(&rm) == 0 && pthread_mutex_unlock(&rm) == EPERM,
        "  held twice again afterwards");

  // monotonic clock through the attribute
  pthread_condattr_t ca;
  clockid_t clk;
  pthread_condattr_init(&ca);
  OK(pthread_condattr_getclock(&ca, &clk) == 0 && clk == CLOCK_REALTIME, "condattr default clock CLOCK_REALTIME");
  OK(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 && pthread_condattr_getclock(&ca, &clk) == 0 &&
        clk == CLOCK_MONOTONIC, "setclock(CLOCK_MONOTONIC) round-trips");
  OK(pthread_condattr_setclock(&ca, CLOCK_PROCESS_CPUTIME_ID) == EINVAL, "setclock(CPU clock): EINVAL");
  int ps;
  OK(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED) == 0 && pthread_condattr_getpshared(&ca, &ps) == 0 &&
        ps == PTHREAD_PROCESS_SHARED, "condattr pshared round-trips");
  pthread_cond_t mc;
  pthread_cond_init(&mc, &ca);
  pthread_mutex_lock(&m);
  dl = in_ms(CLOCK_MONOTONIC, 100);
  t0 = now(CLOCK_MONOTONIC);
  r = pthread_cond_timedwait(&mc, &m, &dl);
  waited = now(CLOCK_MONOTONIC) - t0;
  OK(r == ETIMEDOUT && waited >= 0.09, "monotonic timedwait: ETIMEDOUT after %.3f s", waited);
  dl = in_ms(CLOCK_MONOTONIC, 50);
  t0 = now(CLOCK_MONOTONIC);
  r = pthread_cond_clockwait(&c, &m, CLOCK_MONOTONIC, &dl);
  waited = now(CLOCK_MONOTONIC) - t0;
  OK(r == ETIMEDOUT && waited >= 0.045, "clockwait(CLOCK_MONOTONIC): ETIMEDOUT after %.3f s", waited);

  // an alarm during the wait: its handler runs on time, the wait goes on to its deadline
  signal(SIGALRM, on_alarm);
  struct itimerval it = {{0, 0}, {0, 50000}};
  setitimer(ITIMER_REAL, &it, NULL);
  dl = in_ms(CLOCK_REALTIME, 250);
  t0 = now(CLOCK_MONOTONIC);
  r = pthread_cond_timedwait(&c, &m, &dl);
  waited = now(CLOCK_MONOTONIC) - t0;
  OK(r == ETIMEDOUT && alarms == 1 && waited >= 0.24, "alarm at 50 ms ran (%d), wait still ended at its deadline (%.3f s)",
        (int)alarms, waited);
  pthread_mutex_unlock(&m);
  OK(pthread_cond_destroy(&mc) == 0 && pthread_cond_destroy(&c) == 0 && pthread_condattr_destroy(&ca) == 0, "destroy");

  printf("sizeof pthread_cond_t %zu\n", sizeof(pthread_cond_t));
  return CHECK_DONE();
}
