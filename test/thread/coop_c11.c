// -pthread: C11 <threads.h> over the cooperative pthreads: thrd_create and
// thrd_join's result, mtx_t contention, cnd_t waits, tss_t with destructor,
// thrd_sleep letting others run, thrd_exit.
//! cflags: -pthread -O2
#include <stdio.h>
#include <threads.h>
#include <time.h>
#include "check.h"

static mtx_t m;
static cnd_t c;
static tss_t key;
static int counter, ready, dtors;

static void dtor(void *v) { dtors += *(int *)v; }

static int worker(void *arg) {
  int id = *(int *)arg;
  CHECK(tss_set(key, arg) == thrd_success);
  for (int i = 0; i < 100; i++) {
    CHECK(mtx_lock(&m) == thrd_success);
    int v = counter;
    thrd_yield();
    counter = v + 1;
    CHECK(mtx_unlock(&m) == thrd_success);
  }
  CHECK(tss_get(key) == arg);
  if (id == 2) thrd_exit(20 + id);
  return 20 + id;
}

static int waiter(void *arg) {
  (void)arg;
  mtx_lock(&m);
  while (!ready) CHECK(cnd_wait(&c, &m) == thrd_success);
  mtx_unlock(&m);
  return 7;
}

int main(void) {
  CHECK(mtx_init(&m, mtx_plain) == thrd_success);
  CHECK(cnd_init(&c) == thrd_success);
  CHECK(tss_create(&key, dtor) == thrd_success);
  int ids[3] = {1, 2, 3};
  thrd_t t[3];
  for (int i = 0; i < 3; i++) CHECK(thrd_create(&t[i], worker, &ids[i]) == thrd_success);
  for (int i = 0; i < 3; i++) {
    int r;
    CHECK(thrd_join(t[i], &r) == thrd_success);
    CHECK(r == 20 + ids[i]);
  }
  printf("counter %d, tss dtors %d\n", counter, dtors);
  CHECK(counter == 300);
  CHECK(dtors == 1 + 2 + 3);

  thrd_t w;
  CHECK(thrd_create(&w, waiter, 0) == thrd_success);
  struct timespec d = {0, 50000000};
  CHECK(thrd_sleep(&d, 0) == 0);  // the waiter runs and blocks meanwhile
  mtx_lock(&m);
  ready = 1;
  CHECK(cnd_signal(&c) == thrd_success);
  mtx_unlock(&m);
  int r;
  CHECK(thrd_join(w, &r) == thrd_success && r == 7);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  // A timed wait nobody signals.
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 20000000;
  if (ts.tv_nsec >= 1000000000) ts.tv_sec++, ts.tv_nsec -= 1000000000;
  mtx_lock(&m);
  CHECK(cnd_timedwait(&c, &m, &ts) == thrd_timedout);
  mtx_unlock(&m);
  printf("ok\n");
  return CHECK_DONE();
}
