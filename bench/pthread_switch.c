// One thread switch (docs/compatibility.md, "Measured"): two threads
// sched_yield 10^5 times each, so 2x10^5 switches; prints the time of one.
// Build with -pthread.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <time.h>
static double now(void){struct timespec t; clock_gettime(CLOCK_MONOTONIC,&t); return t.tv_sec+t.tv_nsec/1e9;}
static void *f(void *a) { (void)a; for (int i = 0; i < 100000; i++) sched_yield(); return 0; }
int main(void) {
  pthread_t t; pthread_create(&t, 0, f, 0);
  double t0 = now();
  for (int i = 0; i < 100000; i++) sched_yield();
  pthread_join(t, 0);
  double t1 = now();
  printf("%.3f us per switch\n", (t1 - t0) / 200000 * 1e6);
  return 0;
}
