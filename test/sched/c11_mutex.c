// <threads.h> mutexes and call_once in a one-thread component (gnulib uses
// them when <threads.h> exists; they were declared but undefined: link error).
// Relocking a held plain mutex cannot succeed with one thread: thrd_busy from
// trylock, thrd_error from lock (no hang), thrd_timedout from timedlock.
#include <stdio.h>
#include <threads.h>
#include <time.h>
#include "check.h"

static int ran;
static void once_fn(void) { ran++; }
static once_flag flag = ONCE_FLAG_INIT;

int main(void) {
  mtx_t m, r;
  OK(mtx_init(&m, mtx_plain | mtx_timed) == thrd_success);
  OK(mtx_lock(&m) == thrd_success);
  OK(mtx_trylock(&m) == thrd_busy);
  OK(mtx_lock(&m) == thrd_error);
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 20000000;
  if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
  OK(mtx_timedlock(&m, &ts) == thrd_timedout);
  OK(mtx_unlock(&m) == thrd_success);
  OK(mtx_unlock(&m) == thrd_error);
  OK(mtx_trylock(&m) == thrd_success);
  OK(mtx_unlock(&m) == thrd_success);
  mtx_destroy(&m);
  OK(mtx_init(&r, mtx_recursive) == thrd_success);
  OK(mtx_lock(&r) == thrd_success && mtx_lock(&r) == thrd_success);
  OK(mtx_unlock(&r) == thrd_success && mtx_unlock(&r) == thrd_success);
  OK(mtx_unlock(&r) == thrd_error);
  call_once(&flag, once_fn);
  call_once(&flag, once_fn);
  OK(ran == 1);
  return CHECK_DONE();
}
