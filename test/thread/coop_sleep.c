// -pthread: five threads sleep 200 ms each at the same time; a sleeping
// thread lets the others run, so all five finish in well under 1 s.
//! cflags: -pthread -O2
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int done;
static void *sleeper(void *arg) {
  (void)arg;
  struct timespec d = {0, 200000000};
  CHECK(nanosleep(&d, 0) == 0);
  done++;
  return 0;
}

static long ms_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

int main(void) {
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pthread_t t[5];
  for (int i = 0; i < 5; i++) CHECK(pthread_create(&t[i], 0, sleeper, 0) == 0);
  for (int i = 0; i < 5; i++) CHECK(pthread_join(t[i], 0) == 0);
  long ms = ms_since(&t0);
  printf("5 x 200 ms sleeps in %ld ms\n", ms);
  CHECK(done == 5);
  CHECK(ms >= 199 && ms < 600);
  // usleep in main while a thread counts: the thread runs during the sleep.
  clock_gettime(CLOCK_MONOTONIC, &t0);
  CHECK(pthread_create(&t[0], 0, sleeper, 0) == 0);
  usleep(300000);
  CHECK(done == 6);  // it finished its 200 ms while main slept 300
  CHECK(pthread_join(t[0], 0) == 0);
  ms = ms_since(&t0);
  CHECK(ms >= 299 && ms < 800);
  printf("ok\n");
  return CHECK_DONE();
}
