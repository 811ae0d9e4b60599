// -pthread: five threads sleep 200 ms each at the same time; a sleeping
// thread lets the others run, so all five finish in well under 1 s.
//! cflags: -pthread -O2
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int done;
static void *sleeper(void *arg) {
  (void)arg;
  struct timespec d = {0, 200000000};
  assert(nanosleep(&d, 0) == 0);
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
  for (int i = 0; i < 5; i++) assert(pthread_create(&t[i], 0, sleeper, 0) == 0);
  for (int i = 0; i < 5; i++) assert(pthread_join(t[i], 0) == 0);
  long ms = ms_since(&t0);
  printf("5 x 200 ms sleeps in %ld ms\n", ms);
  assert(done == 5);
  assert(ms >= 199 && ms < 600);
  // usleep in main while a thread counts: the thread runs during the sleep.
  clock_gettime(CLOCK_MONOTONIC, &t0);
  assert(pthread_create(&t[0], 0, sleeper, 0) == 0);
  usleep(300000);
  assert(done == 6);  // it finished its 200 ms while main slept 300
  assert(pthread_join(t[0], 0) == 0);
  ms = ms_since(&t0);
  assert(ms >= 299 && ms < 800);
  printf("ok\n");
  return 0;
}
