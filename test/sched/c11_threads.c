// C11 <threads.h> without -pthread: thrd_create fails with thrd_error (the
// single-threaded pthread_create has EAGAIN); the rest works for the one
// thread: tss_t values and destructor-less keys, cnd_t timed waits time
// out, thrd_sleep sleeps, thrd_current is stable.
#include <stdio.h>
#include <threads.h>
#include <time.h>
#include "check.h"

static int f(void *a) { return *(int *)a; }

int main(void) {
  thrd_t t;
  int x = 1;
  CHECK(thrd_create(&t, f, &x) == thrd_error);
  tss_t k;
  CHECK(tss_create(&k, 0) == thrd_success);
  CHECK(tss_get(k) == 0);
  CHECK(tss_set(k, &x) == thrd_success && tss_get(k) == &x);
  tss_delete(k);
  mtx_t m;
  cnd_t c;
  CHECK(mtx_init(&m, mtx_timed) == thrd_success && cnd_init(&c) == thrd_success);
  struct timespec ts, t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 30000000;
  if (ts.tv_nsec >= 1000000000) ts.tv_sec++, ts.tv_nsec -= 1000000000;
  CHECK(mtx_lock(&m) == thrd_success);
  CHECK(cnd_timedwait(&c, &m, &ts) == thrd_timedout);
  CHECK(mtx_unlock(&m) == thrd_success);
  CHECK(cnd_signal(&c) == thrd_success && cnd_broadcast(&c) == thrd_success);
  struct timespec d = {0, 20000000};
  CHECK(thrd_sleep(&d, 0) == 0);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  REQUIRE(ms >= 49);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  cnd_destroy(&c);
  mtx_destroy(&m);
  printf("ok (%ld ms)\n", ms);
  return CHECK_DONE();
}
