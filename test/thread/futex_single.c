// __wasilibc_futex_wait/_wake without -pthread: there is no other thread,
// so an untimed wait that would block fails at once (-EDEADLK, never a
// hang or a trap), a timed one sleeps out its timeout and says
// -ETIMEDOUT, a mismatch is -EWOULDBLOCK and a wake finds nobody (0).
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <wasi/libc.h>
#include "check.h"

static volatile int word = 7;

int main(void) {
  OK(__wasilibc_futex_wait(&word, 8, CLOCK_REALTIME, NULL, 0) == -EWOULDBLOCK, "mismatch: -EWOULDBLOCK");
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_REALTIME, NULL, 0) == -EDEADLK, "untimed wait: -EDEADLK at once");
  struct timespec t0, t1, rel = {0, 15 * 1000000};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, &rel, 0) == -ETIMEDOUT, "timed wait: -ETIMEDOUT");
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long long ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
  CHECK(ns >= 15 * 1000000, "the timeout was waited out (%lld ns)", ns);
  struct timespec past;
  clock_gettime(CLOCK_MONOTONIC, &past);
  past.tv_sec -= 1;
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, &past, __WASILIBC_FUTEX_TIMESPEC_ABSOLUTE) == -ETIMEDOUT,
     "absolute deadline in the past: -ETIMEDOUT");
  OK(__wasilibc_futex_wait(&word, 7, CLOCK_MONOTONIC, NULL, 4) == -EINVAL, "bad flags: -EINVAL");
  OK(__wasilibc_futex_wait((volatile int *)0x12, 0, CLOCK_MONOTONIC, NULL, 0) == -EINVAL, "misaligned: -EINVAL");
  OK(__wasilibc_futex_wake(&word, 1, 0) == 0, "a wake finds nobody");
  OK(__wasilibc_futex_wake(&word, __WASILIBC_FUTEX_WAKE_ALL, 0) == 0, "WAKE_ALL finds nobody");
  OK(__wasilibc_futex_wake(&word, 1, 123) == -EINVAL, "bad wake flags: -EINVAL");
  return CHECK_DONE();
}
