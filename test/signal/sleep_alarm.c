// Sleeping is a signal safe point (src/time/clock_nanosleep.c): an alarm
// interrupts sleep/nanosleep at its deadline, the handler runs, nanosleep
// fails with EINTR and the time left (SA_RESTART does not restart sleeps,
// as on Linux), sleep returns the seconds left; an ignored alarm does not
// cut the sleep short; an alarm that expired before the call interrupts it
// at once.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t fired;
static void on_alrm(int sig) { (void)sig; fired++; }

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}


int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alrm;
  sigaction(SIGALRM, &sa, NULL);

  // nanosleep(2 s) cut at 200 ms: EINTR, about 1.8 s left.
  long long t0 = now_ms();
  ualarm(200000, 0);
  struct timespec req = {2, 0}, rem = {0, 0};
  errno = 0;
  int r = nanosleep(&req, &rem);
  long long took = now_ms() - t0;
  CHECK(r == -1 && errno == EINTR && fired == 1);
  CHECK(took >= 190 && took < 1500);
  CHECK(rem.tv_sec == 1 && rem.tv_nsec > 0);
  printf("nanosleep interrupted after %lld ms, %ld.%03ld s left\n", took, (long)rem.tv_sec, rem.tv_nsec / 1000000);

  // sleep(3) with alarm(1) and SA_RESTART (signal()): still interrupted.
  signal(SIGALRM, on_alrm);
  t0 = now_ms();
  alarm(1);
  unsigned left = sleep(3);
  took = now_ms() - t0;
  CHECK(fired == 2 && left == 2 && took >= 990 && took < 2500);
  printf("sleep(3) returned %u after %lld ms\n", left, took);

  // An alarm that is already due interrupts at once.
  ualarm(1000, 0);
  for (long long end = now_ms() + 20; now_ms() < end;) {}  // busy: no safe point
  CHECK(fired == 2);
  t0 = now_ms();
  r = nanosleep(&(struct timespec){1, 0}, NULL);
  CHECK(r == -1 && errno == EINTR && fired == 3 && now_ms() - t0 < 500);

  // Ignored: the sleep runs its full length.
  signal(SIGALRM, SIG_IGN);
  t0 = now_ms();
  ualarm(100000, 0);
  r = nanosleep(&(struct timespec){0, 300000000}, NULL);
  took = now_ms() - t0;
  CHECK(r == 0 && took >= 290 && fired == 3);
  printf("ignored alarm: slept %lld ms\n", took);

  // Absolute sleeps stop at the alarm too (no rem to fill).
  signal(SIGALRM, on_alrm);
  struct timespec abs;
  clock_gettime(CLOCK_MONOTONIC, &abs);
  abs.tv_sec += 2;
  t0 = now_ms();
  ualarm(100000, 0);
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL);
  CHECK(r == EINTR && fired == 4 && now_ms() - t0 < 1500);

  if (check_failures) return 1;
  printf("sleep/alarm ok\n");
  return CHECK_DONE();
}
