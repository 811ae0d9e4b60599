// Clocks and sleeps: invalid clock ids and timespecs are EINVAL; nanosleep
// reports errors as -1/errno while clock_nanosleep returns the error number
// and leaves errno alone (POSIX); zero and past-deadline sleeps return at once.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long mono_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(void) {
  struct timespec ts, rem;
  // clockid_t is a pointer in WASI's headers: any value that is not one of
  // the named clocks is invalid
  clockid_t bogus = (clockid_t)(void *)&ts;
  CHECK_ERRNO(clock_gettime(bogus, &ts), EINVAL);
  CHECK_ERRNO(clock_getres(bogus, &ts), EINVAL);
  errno = 0;
  OK(clock_getres(CLOCK_MONOTONIC, NULL) == 0 && errno == 0, "clock_getres(MONOTONIC, NULL)");
  OK(clock_getres(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 &&
        (ts.tv_sec || ts.tv_nsec), "clock_getres(REALTIME) %lld.%09ld", (long long)ts.tv_sec, ts.tv_nsec);
  OK(clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 && ts.tv_sec > 1600000000,
        "clock_gettime(REALTIME) sane");
  // the realtime clock agrees with time() and gettimeofday()
  struct timeval tv;
  OK(gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000, "gettimeofday");
  time_t t0 = time(NULL);
  OK(t0 - tv.tv_sec >= 0 && t0 - tv.tv_sec <= 2, "time() vs gettimeofday %lld %lld", (long long)t0, (long long)tv.tv_sec);
  OK(llabs(t0 - ts.tv_sec) <= 2, "time() vs clock_gettime");
  time_t t1;
  OK(time(&t1) >= t0 && t1 >= t0, "time(&t)");
  // monotonic never goes backwards
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  clock_gettime(CLOCK_MONOTONIC, &b);
  OK(b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec), "monotonic order");

  // nanosleep: -1 and errno EINVAL for tv_nsec out of [0, 1e9) or tv_sec < 0
  ts.tv_sec = 0; ts.tv_nsec = 1000000000;
  CHECK_ERRNO(nanosleep(&ts, &rem), EINVAL);
  ts.tv_nsec = -1;
  CHECK_ERRNO(nanosleep(&ts, &rem), EINVAL);
  ts.tv_sec = -1; ts.tv_nsec = 0;
  CHECK_ERRNO(nanosleep(&ts, &rem), EINVAL);
  ts.tv_sec = 0; ts.tv_nsec = 0;
  errno = 77;
  OK(nanosleep(&ts, NULL) == 0 && errno == 77, "nanosleep(0) ok, errno unchanged");
  long long m0 = mono_ms();
  ts.tv_nsec = 30000000;
  OK(nanosleep(&ts, &rem) == 0, "nanosleep 30ms");
  OK(mono_ms() - m0 >= 28, "nanosleep slept %lld ms", mono_ms() - m0);

  // clock_nanosleep: returns the error number, errno untouched
  ts.tv_sec = 0; ts.tv_nsec = 1000000000;
  errno = 77;
  int r = clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
  OK(r == EINVAL && errno == 77, "clock_nanosleep bad nsec -> %d errno %d", r, errno);
  ts.tv_nsec = -5;
  r = clock_nanosleep(CLOCK_REALTIME, 0, &ts, NULL);
  OK(r == EINVAL && errno == 77, "clock_nanosleep negative nsec -> %d", r);
  ts.tv_nsec = 0;
  r = clock_nanosleep(bogus, 0, &ts, NULL);
  OK(r == EINVAL && errno == 77, "clock_nanosleep bogus clock -> %d", r);
  // an absolute deadline in the past returns at once
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_sec -= 1;
  m0 = mono_ms();
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
  OK(r == 0 && mono_ms() - m0 < 50, "past absolute deadline -> %d", r);
  // an absolute deadline 40 ms ahead sleeps until then
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_nsec += 40000000;
  if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
  m0 = mono_ms();
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
  OK(r == 0 && mono_ms() - m0 >= 35, "absolute 40ms -> %d after %lld ms", r, mono_ms() - m0);
  // sleep(0) and usleep(0) return 0 at once
  OK(sleep(0) == 0, "sleep(0)");
  OK(usleep(0) == 0, "usleep(0)");
  return CHECK_DONE();
}
