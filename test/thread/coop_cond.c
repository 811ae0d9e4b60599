// -pthread: producer/consumer over a bounded buffer with two condition
// variables; a timed wait that nobody signals times out on the monotonic
// clock; broadcast wakes every waiter.
//! cflags: -pthread -O2
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include "check.h"

#define CAP 4
#define ITEMS 200
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int buf[CAP], head, count, max_count;

static void *producer(void *arg) {
  (void)arg;
  for (int i = 1; i <= ITEMS; i++) {
    pthread_mutex_lock(&m);
    while (count == CAP) CHECK(pthread_cond_wait(&not_full, &m) == 0);
    buf[(head + count) % CAP] = i;
    if (++count > max_count) max_count = count;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&m);
  }
  return 0;
}

static void *consumer(void *arg) {
  long sum = 0;
  for (int i = 1; i <= ITEMS; i++) {
    pthread_mutex_lock(&m);
    while (count == 0) CHECK(pthread_cond_wait(&not_empty, &m) == 0);
    int v = buf[head];
    head = (head + 1) % CAP;
    count--;
    CHECK(v == i);  // in order, none lost
    sum += v;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&m);
  }
  *(long *)arg = sum;
  return 0;
}

static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int gate, woke;
static void *waiter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  while (!gate) pthread_cond_wait(&go, &m);
  woke++;
  pthread_mutex_unlock(&m);
  return 0;
}

int main(void) {
  pthread_t p, c;
  long sum = 0;
  CHECK(pthread_create(&c, 0, consumer, &sum) == 0);
  CHECK(pthread_create(&p, 0, producer, 0) == 0);
  CHECK(pthread_join(p, 0) == 0);
  CHECK(pthread_join(c, 0) == 0);
  printf("sum %ld (want %d), buffer peak %d\n", sum, ITEMS * (ITEMS + 1) / 2, max_count);
  CHECK(sum == ITEMS * (ITEMS + 1) / 2);
  CHECK(max_count == CAP);  // the producer really was held back

  // Timed wait on CLOCK_MONOTONIC: ETIMEDOUT after ~50 ms, mutex held again.
  pthread_condattr_t ca;
  pthread_cond_t tc;
  pthread_condattr_init(&ca);
  CHECK(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0);
  CHECK(pthread_cond_init(&tc, &ca) == 0);
  struct timespec t0, t1, dl;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  dl = t0;
  dl.tv_nsec += 50000000;
  if (dl.tv_nsec >= 1000000000) dl.tv_sec++, dl.tv_nsec -= 1000000000;
  pthread_mutex_lock(&m);
  CHECK(pthread_cond_timedwait(&tc, &m, &dl) == ETIMEDOUT);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  CHECK(pthread_mutex_unlock(&m) == 0);  // held again
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  printf("timed wait %ld ms\n", ms);
  CHECK(ms >= 49 && ms < 1000);

  // Broadcast wakes all three waiters.
  pthread_t w[3];
  for (int i = 0; i < 3; i++) CHECK(pthread_create(&w[i], 0, waiter, 0) == 0);
  sched_yield();  // let them block
  pthread_mutex_lock(&m);
  gate = 1;
  pthread_cond_broadcast(&go);
  pthread_mutex_unlock(&m);
  for (int i = 0; i < 3; i++) CHECK(pthread_join(w[i], 0) == 0);
  CHECK(woke == 3);
  // A wait nobody can end: every thread waits, so EDEADLK instead of a hang.
  pthread_mutex_lock(&m);
  CHECK(pthread_cond_wait(&go, &m) == EDEADLK);
  pthread_mutex_unlock(&m);
  printf("ok\n");
  return CHECK_DONE();
}
