// __wasilibc_futex_wait/_wake with -pthread's cooperative threads: waiters
// park on the word and do not run until woken; a wake of one resumes only
// the first parked, WAKE_ALL the rest; a mismatched value fails at once
// (-EWOULDBLOCK), a timed wait nobody wakes times out (-ETIMEDOUT) after
// at least its timeout, bad flags/alignment/timespecs are -EINVAL.
//! cflags: -pthread
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <wasi/libc.h>
#include "check.h"

enum { N = 3 };
static volatile int word;
static int woken, order[N], result[N];

static void *waiter(void *arg) {
  int id = (int)(intptr_t)arg;
  result[id] = __wasilibc_futex_wait(&word, 0, CLOCK_MONOTONIC, NULL, 0);
  order[woken++] = id;
  return NULL;
}

static long long mono_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) REQUIRE(pthread_create(&t[i], NULL, waiter, (void *)(intptr_t)i) == 0);
  for (int i = 0; i < 5; i++) usleep(1000);  // every waiter runs and parks
  CHECK(woken == 0, "parked waiters do not run before a wake");
  OK(__wasilibc_futex_wake(&word, 1, __WASILIBC_FUTEX_YIELD) == 1, "a wake of one finds one");
  usleep(1000);
  CHECK(woken == 1 && order[0] == 0, "one wake resumes only the first parked (woken %d)", woken);
  OK(__wasilibc_futex_wake(&word, __WASILIBC_FUTEX_WAKE_ALL, 0) == 2, "WAKE_ALL finds the other two");
  for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
  CHECK(woken == N && order[1] == 1 && order[2] == 2, "the rest resume in park order");
  for (int i = 0; i < N; i++) CHECK(result[i] == 0, "waiter %d returned 0", i);
  OK(__wasilibc_futex_wake(&word, 1, 0) == 0, "a wake with no waiter finds none");

  word = 7;
  OK(__wasilibc_futex_wait(&word, 8, CLOCK_MONOTONIC, NULL, 0) == -EWOULDBLOCK, "mismatch: -EWOULDBLOCK");
  struct timespec rel = {0, 20 * 1000000};
  long long t0 = mono_ns();
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, &rel, 0) == -ETIMEDOUT, "timed wait: -ETIMEDOUT");
  CHECK(mono_ns() - t0 >= 20 * 1000000, "the timeout was waited out");
  struct timespec past;
  clock_gettime(CLOCK_REALTIME, &past);
  past.tv_sec -= 1;
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_REALTIME, &past, __WASILIBC_FUTEX_TIMESPEC_ABSOLUTE) == -ETIMEDOUT,
     "absolute deadline in the past: -ETIMEDOUT at once");
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, NULL, 123) == -EINVAL, "bad wait flags: -EINVAL");
  OK(__wasilibc_futex_wake(&word, 1, 123) == -EINVAL, "bad wake flags: -EINVAL");
  OK(__wasilibc_futex_wait((volatile int *)((char *)&word + 1), 7, CLOCK_MONOTONIC, NULL, 0) == -EINVAL,
     "misaligned word: -EINVAL");
  struct timespec bad = {0, 1000000000};
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, &bad, 0) == -EINVAL, "tv_nsec of 1 s: -EINVAL");
  bad = (struct timespec){-1, 0};
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, &bad, 0) == -EINVAL, "negative relative timeout: -EINVAL");
  // the main thread alone, nothing else alive: an untimed wait could never end
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, NULL, 0) == -EDEADLK, "untimed wait with no other thread: -EDEADLK");
  return CHECK_DONE();
}
