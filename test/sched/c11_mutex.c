// <threads.h> mutexes and call_once in a one-thread component (gnulib uses
// them when <threads.h> exists; they were declared but undefined: link error).
// Relocking a held plain mutex cannot succeed with one thread: thrd_busy from
// trylock, thrd_error from lock (no hang), thrd_timedout from timedlock.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static int failures, ran;
#define CHECK(c) do { if (c) printf("ok: %s\n", #c); else { printf("FAIL line %d: %s\n", __LINE__, #c); failures++; } } while (0)
static void once_fn(void) { ran++; }
static once_flag flag = ONCE_FLAG_INIT;

int main(void) {
  mtx_t m, r;
  CHECK(mtx_init(&m, mtx_plain | mtx_timed) == thrd_success);
  CHECK(mtx_lock(&m) == thrd_success);
  CHECK(mtx_trylock(&m) == thrd_busy);
  CHECK(mtx_lock(&m) == thrd_error);
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 20000000;
  if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
  CHECK(mtx_timedlock(&m, &ts) == thrd_timedout);
  CHECK(mtx_unlock(&m) == thrd_success);
  CHECK(mtx_unlock(&m) == thrd_error);
  CHECK(mtx_trylock(&m) == thrd_success);
  CHECK(mtx_unlock(&m) == thrd_success);
  mtx_destroy(&m);
  CHECK(mtx_init(&r, mtx_recursive) == thrd_success);
  CHECK(mtx_lock(&r) == thrd_success && mtx_lock(&r) == thrd_success);
  CHECK(mtx_unlock(&r) == thrd_success && mtx_unlock(&r) == thrd_success);
  CHECK(mtx_unlock(&r) == thrd_error);
  call_once(&flag, once_fn);
  call_once(&flag, once_fn);
  CHECK(ran == 1);
  return failures;
}
