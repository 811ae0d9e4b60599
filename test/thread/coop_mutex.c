// -pthread: 4 threads contend on one mutex; each critical section yields in
// the middle, so without mutual exclusion increments would be lost.  Also
// join return values (return and pthread_exit) and trylock/EBUSY across
// threads.
//! cflags: -pthread -O2
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdint.h>
#include "check.h"

#define N 4
#define ROUNDS 500
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int inside, max_inside, switches;
static int last_id = -1;

static void *worker(void *arg) {
  int id = (int)(intptr_t)arg;
  for (int i = 0; i < ROUNDS; i++) {
    CHECK(pthread_mutex_lock(&m) == 0);
    if (++inside > max_inside) max_inside = inside;
    if (last_id != id) switches++;
    last_id = id;
    long v = counter;
    sched_yield();  // others run here; they must not get the mutex
    counter = v + 1;
    inside--;
    CHECK(pthread_mutex_unlock(&m) == 0);
    sched_yield();
  }
  if (id == 3) pthread_exit((void *)(intptr_t)(100 + id));
  return (void *)(intptr_t)(100 + id);
}

static void *try_it(void *arg) {
  (void)arg;
  return (void *)(intptr_t)pthread_mutex_trylock(&m);
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; i++) CHECK(pthread_create(&t[i], 0, worker, (void *)(intptr_t)i) == 0);
  for (int i = 0; i < N; i++) {
    void *r;
    CHECK(pthread_join(t[i], &r) == 0);
    CHECK((intptr_t)r == 100 + i);
  }
  printf("counter %ld (want %d), max inside %d, owner changes %d\n", counter, N * ROUNDS, max_inside, switches);
  CHECK(counter == N * ROUNDS);
  CHECK(max_inside == 1);
  CHECK(switches > N);  // they really took turns

  // A mutex held by main: another thread's trylock sees EBUSY.
  pthread_t u;
  void *r;
  CHECK(pthread_mutex_lock(&m) == 0);
  CHECK(pthread_create(&u, 0, try_it, 0) == 0);
  CHECK(pthread_join(u, &r) == 0);
  CHECK((intptr_t)r == EBUSY);
  CHECK(pthread_mutex_unlock(&m) == 0);
  // Joining twice, or oneself.
  CHECK(pthread_join(pthread_self(), 0) == EDEADLK);
  printf("ok\n");
  return CHECK_DONE();
}
