// Monotonic time never goes backwards; nanosleep(50 ms) sleeps 50..500 ms;
// the wall clock is plausible; time/gettimeofday agree with it.
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
  struct timespec a, b, res;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < 1000; i++) {
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (ns(b) < ns(a)) { printf("FAIL: monotonic went back\n"); return 1; }
    a = b;
  }
  if (clock_getres(CLOCK_MONOTONIC, &res) != 0 || ns(res) <= 0) { printf("FAIL: getres\n"); return 1; }
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec req = { 0, 50000000 };
  if (nanosleep(&req, NULL) != 0) { printf("FAIL: nanosleep\n"); return 1; }
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long slept = ns(b) - ns(a);
  if (slept < 50000000LL || slept > 500000000LL) { printf("FAIL: slept %lld ns\n", slept); return 1; }
  printf("ok: nanosleep(50ms) slept %lld ms\n", slept / 1000000);
  clock_gettime(CLOCK_MONOTONIC, &a);
  usleep(20000);
  clock_gettime(CLOCK_MONOTONIC, &b);
  if (ns(b) - ns(a) < 20000000LL) { printf("FAIL: usleep\n"); return 1; }
  struct timespec w;
  clock_gettime(CLOCK_REALTIME, &w);
  time_t t = time(NULL);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  if (w.tv_sec < 1700000000 || t < w.tv_sec || t - w.tv_sec > 2 || tv.tv_sec - t > 2) { printf("FAIL: wall clock\n"); return 1; }
  printf("ok: clocks\n");
  return 0;
}
