// C11 <threads.h> with one thread: thrd_create fails cleanly, the current
// thread is itself, thrd_sleep sleeps, a condition nobody can signal is an
// error (never a hang), cnd_timedwait times out, tss values and destructors
// (run by thrd_exit, which then ends the program with status 0).
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); return 1; } } while (0)

static int ran;
static int body(void *p) { (void)p; ran = 1; return 0; }
static void dtor(void *p) { printf("tss destructor ran for %s\n", (char *)p); fflush(stdout); }

int main(void) {
  thrd_t t;
  CHECK(thrd_create(&t, body, NULL) == thrd_error && !ran);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  CHECK(thrd_join(thrd_current(), NULL) == thrd_error);
  struct timespec d = { 0, 50000000 };
  CHECK(thrd_sleep(&d, NULL) == 0);
  thrd_yield();

  mtx_t m;
  cnd_t c;
  CHECK(mtx_init(&m, mtx_plain) == thrd_success && cnd_init(&c) == thrd_success);
  CHECK(mtx_lock(&m) == thrd_success);
  CHECK(cnd_signal(&c) == thrd_success && cnd_broadcast(&c) == thrd_success);
  CHECK(cnd_wait(&c, &m) == thrd_error);
  struct timespec at;
  timespec_get(&at, TIME_UTC);
  at.tv_nsec += 100000000;
  if (at.tv_nsec >= 1000000000) { at.tv_sec++; at.tv_nsec -= 1000000000; }
  CHECK(cnd_timedwait(&c, &m, &at) == thrd_timedout);
  struct timespec now;
  timespec_get(&now, TIME_UTC);
  CHECK(now.tv_sec > at.tv_sec || (now.tv_sec == at.tv_sec && now.tv_nsec >= at.tv_nsec));
  CHECK(mtx_unlock(&m) == thrd_success);
  cnd_destroy(&c);
  mtx_destroy(&m);

  tss_t k, k2;
  CHECK(tss_create(&k, dtor) == thrd_success && tss_create(&k2, NULL) == thrd_success && k != k2);
  CHECK(tss_get(k) == NULL && tss_set(k, "key one") == thrd_success && tss_get(k) != NULL);
  CHECK(tss_set(k2, &k2) == thrd_success && tss_get(k2) == &k2);
  tss_delete(k2);
  CHECK(tss_get(k2) == NULL);
  puts("c11 threads ok; thrd_exit next");
  fflush(stdout);
  thrd_exit(7);  // ends the program with EXIT_SUCCESS after the destructor
}
//! stdout-contains: tss destructor ran for key one
