// -pthread: joins that must fail.  Compared with Linux: a try-join of a
// running thread EBUSY, a detached thread cannot be joined (EINVAL) nor
// detached again, a thread joining itself EDEADLK, a timed join that times
// out leaves the thread joinable.  Only on wasm (undefined in POSIX, glibc's
// second joiner blocks): a second joiner of a thread already being joined
// gets EINVAL, as the Linux manual documents, and the first still gets the
// result (before the fix the second one woke after the first had freed the
// thread and read freed memory); pthread_detach of a thread being joined is 0
// and the join reaps it (glibc's code); a second join of a reaped thread and
// a join of a finished, freed detached thread are ESRCH.
//! cflags: -pthread -O2
// oracle: linux
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void nap(int ms) {
  struct timespec ts = {0, ms * 1000000L};
  nanosleep(&ts, 0);
}

static void *sleeper(void *arg) {
  nap(200);
  return arg;
}

static pthread_t target;
static int second_join_result = -1;
static void *first_joiner(void *arg) {
  (void)arg;
  void *r = 0;
  int e = pthread_join(target, &r);
  return (void *)(intptr_t)(e ? -e : (intptr_t)r);
}

static void *self_joiner(void *arg) {
  (void)arg;
  return (void *)(intptr_t)pthread_join(pthread_self(), 0);
}

static void *quick(void *arg) { return arg; }

int main(void) {
  pthread_t a;
  void *r;

#ifdef __wasi__
  // Two joiners of one thread: the first waits, the second gets EINVAL, as
  // the Linux manual documents (POSIX: undefined; glibc's second joiner
  // blocks for ever, so this part is not compared).
  REQUIRE(pthread_create(&target, 0, sleeper, (void *)(intptr_t)7) == 0);
  REQUIRE(pthread_create(&a, 0, first_joiner, 0) == 0);
  nap(50);  // first_joiner is now waiting in pthread_join
  second_join_result = pthread_join(target, &r);
  CHECK(second_join_result == EINVAL, "a second joiner of a thread being joined");
  CHECK(pthread_timedjoin_np(target, &r, &(struct timespec){0, 0}) == EINVAL, "timed, too");
  CHECK(pthread_tryjoin_np(target, &r) == EBUSY, "a try-join of a running thread");
  CHECK(pthread_detach(target) == 0, "detach of a thread being joined returns 0 (glibc's code)");
  CHECK(pthread_join(a, &r) == 0 && (intptr_t)r == 7, "the first joiner got the result");
#else
  (void)first_joiner, (void)second_join_result;
#endif
  REQUIRE(pthread_create(&a, 0, sleeper, (void *)(intptr_t)5) == 0);
  OK(pthread_tryjoin_np(a, &r) == EBUSY, "a try-join of a running thread is EBUSY");
  OK(pthread_join(a, &r) == 0 && (intptr_t)r == 5, "then a join waits for its result");

  // A detached thread, still running: EINVAL.
  pthread_t d;
  REQUIRE(pthread_create(&d, 0, sleeper, 0) == 0);
  OK(pthread_detach(d) == 0, "detach of a running thread");
  OK(pthread_join(d, &r) == EINVAL, "join of a detached thread is EINVAL");
  OK(pthread_detach(d) == EINVAL, "a second detach is EINVAL");

  // A thread joining itself.
  REQUIRE(pthread_create(&a, 0, self_joiner, 0) == 0);
  OK(pthread_join(a, &r) == 0 && (intptr_t)r == EDEADLK, "a thread joining itself gets EDEADLK");

  // A timed join that times out leaves the thread joinable.
  REQUIRE(pthread_create(&a, 0, sleeper, (void *)(intptr_t)9) == 0);
  struct timespec dl;
  clock_gettime(CLOCK_REALTIME, &dl);
  dl.tv_nsec += 20000000L;
  if (dl.tv_nsec >= 1000000000L) dl.tv_sec++, dl.tv_nsec -= 1000000000L;
  OK(pthread_timedjoin_np(a, &r, &dl) == ETIMEDOUT, "a timed join times out");
  OK(pthread_join(a, &r) == 0 && (intptr_t)r == 9, "and the thread can still be joined");

#ifdef __wasi__
  // Reaped handles: ours are ESRCH (on Linux, using them is undefined).
  REQUIRE(pthread_create(&a, 0, quick, 0) == 0);
  CHECK(pthread_join(a, &r) == 0);
  CHECK(pthread_join(a, &r) == ESRCH, "second join of a reaped thread");
  CHECK(pthread_detach(a) == ESRCH, "detach of a reaped thread");
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  REQUIRE(pthread_create(&a, &at, quick, 0) == 0);
  nap(10);  // it runs, finishes and is freed
  CHECK(pthread_join(a, &r) == ESRCH, "join of a finished detached thread");
  pthread_attr_destroy(&at);
#else
  (void)quick;
#endif
  nap(250);  // d finishes before the process ends
  return CHECK_DONE();
}
