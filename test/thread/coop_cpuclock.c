// -pthread: pthread_getcpuclockid gives each thread a clock of its own, not
// CLOCK_THREAD_CPUTIME_ID itself: main's and another thread's differ,
// clock_gettime and clock_getres work on both and the readings do not go
// backwards; once the thread is joined its clock is gone (EINVAL); a
// thread that is not there is ESRCH.  Compared with Linux.  (The readings
// come from the monotonic clock here: WASI has no CPU clock.)
//! cflags: -pthread -O2
// oracle: linux
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "check.h"

static clockid_t its;
static void *run(void *arg) {
  (void)arg;
  CHECK(pthread_getcpuclockid(pthread_self(), &its) == 0);
  struct timespec a, b;
  CHECK(clock_gettime(its, &a) == 0 && clock_gettime(its, &b) == 0);
  CHECK(b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
  return 0;
}

int main(void) {
  clockid_t mine;
  OK(pthread_getcpuclockid(pthread_self(), &mine) == 0, "pthread_getcpuclockid(main)");
  OK(mine != CLOCK_THREAD_CPUTIME_ID && mine != CLOCK_PROCESS_CPUTIME_ID && mine != CLOCK_MONOTONIC,
     "main's clock is its own id");
  struct timespec t1, t2, res;
  OK(clock_gettime(mine, &t1) == 0, "clock_gettime on it");
  volatile double x = 0;
  for (int i = 0; i < 1000000; i++) x += i;
  OK(clock_gettime(mine, &t2) == 0 && (t2.tv_sec > t1.tv_sec || (t2.tv_sec == t1.tv_sec && t2.tv_nsec >= t1.tv_nsec)),
     "its readings do not go backwards");
  OK(clock_getres(mine, &res) == 0 && res.tv_sec == 0 && res.tv_nsec > 0, "clock_getres on it");

  pthread_t t;
  REQUIRE(pthread_create(&t, 0, run, 0) == 0);
  REQUIRE(pthread_join(t, 0) == 0);
  OK(its != mine && its != CLOCK_THREAD_CPUTIME_ID, "another thread's clock differs");
  errno = 0;
  OK(clock_gettime(its, &t1) == -1 && errno == EINVAL, "a joined thread's clock: EINVAL");
  return CHECK_DONE();
}
