// Monotonic time never goes backwards; nanosleep(50 ms) sleeps 50..500 ms;
// the wall clock is plausible; time/gettimeofday agree with it.
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
  struct timespec a, b, res;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < 1000; i++) {
    clock_gettime(CLOCK_MONOTONIC, &b);
    REQUIRE(ns(b) >= ns(a), "monotonic went back");
    a = b;
  }
  CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0 && ns(res) > 0);
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec req = { 0, 50000000 };
  CHECK(nanosleep(&req, NULL) == 0);
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long slept = ns(b) - ns(a);
  CHECK(slept >= 50000000LL && slept <= 500000000LL, "slept %lld ns", slept);
  printf("ok: nanosleep(50ms) slept %lld ms\n", slept / 1000000);
  clock_gettime(CLOCK_MONOTONIC, &a);
  usleep(20000);
  clock_gettime(CLOCK_MONOTONIC, &b);
  CHECK(ns(b) - ns(a) >= 20000000LL, "usleep");
  struct timespec w;
  clock_gettime(CLOCK_REALTIME, &w);
  time_t t = time(NULL);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  CHECK(w.tv_sec >= 1700000000 && t >= w.tv_sec && t - w.tv_sec <= 2 && tv.tv_sec - t <= 2, "wall clock");
  printf("ok: clocks\n");
  return CHECK_DONE();
}
