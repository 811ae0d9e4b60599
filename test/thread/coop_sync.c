// -pthread: rwlocks (readers share, a writer excludes), barriers (one
// serial thread per round, nobody passes early), pthread_once while the
// routine runs in another thread, spin locks across threads.
//! cflags: -pthread -O2
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#include "check.h"

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int readers_in, max_readers, writer_in, bad;

static void *reader(void *a) {
  (void)a;
  for (int i = 0; i < 20; i++) {
    CHECK(pthread_rwlock_rdlock(&rw) == 0);
    readers_in++;
    if (readers_in > max_readers) max_readers = readers_in;
    if (writer_in) bad = 1;
    sched_yield();
    readers_in--;
    CHECK(pthread_rwlock_unlock(&rw) == 0);
    sched_yield();
  }
  return 0;
}

static void *writer(void *a) {
  (void)a;
  for (int i = 0; i < 20; i++) {
    CHECK(pthread_rwlock_wrlock(&rw) == 0);
    writer_in = 1;
    if (readers_in) bad = 1;
    sched_yield();
    writer_in = 0;
    CHECK(pthread_rwlock_unlock(&rw) == 0);
    sched_yield();
  }
  return 0;
}

#define NB 4
static pthread_barrier_t bar;
static int phase[NB], serials, early;
static void *barrier_worker(void *a) {
  int id = (int)(intptr_t)a;
  for (int round = 0; round < 3; round++) {
    phase[id] = round;
    int r = pthread_barrier_wait(&bar);
    CHECK(r == 0 || r == PTHREAD_BARRIER_SERIAL_THREAD);
    if (r == PTHREAD_BARRIER_SERIAL_THREAD) serials++;
    for (int j = 0; j < NB; j++) if (phase[j] < round) early = 1;
  }
  return 0;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_runs, init_done;
static void init(void) {
  init_runs++;
  usleep(20000);  // another thread calls pthread_once meanwhile
  init_done = 1;
}
static void *once_worker(void *a) {
  (void)a;
  CHECK(pthread_once(&once, init) == 0);
  REQUIRE(init_done);  // returns only after the routine finished
  return 0;
}

static pthread_spinlock_t sl;
static int spin_count;
static void *spinner(void *a) {
  (void)a;
  for (int i = 0; i < 50; i++) {
    CHECK(pthread_spin_lock(&sl) == 0);
    int v = spin_count;
    sched_yield();
    spin_count = v + 1;
    CHECK(pthread_spin_unlock(&sl) == 0);
  }
  return 0;
}

int main(void) {
  pthread_t t[NB];
  for (int i = 0; i < 3; i++) CHECK(pthread_create(&t[i], 0, reader, 0) == 0);
  CHECK(pthread_create(&t[3], 0, writer, 0) == 0);
  for (int i = 0; i < 4; i++) CHECK(pthread_join(t[i], 0) == 0);
  printf("rwlock: max readers together %d, overlap with writer %d\n", max_readers, bad);
  CHECK(!bad && max_readers > 1);

  CHECK(pthread_barrier_init(&bar, 0, NB) == 0);
  for (int i = 0; i < NB; i++) CHECK(pthread_create(&t[i], 0, barrier_worker, (void *)(intptr_t)i) == 0);
  for (int i = 0; i < NB; i++) CHECK(pthread_join(t[i], 0) == 0);
  printf("barrier: %d serial threads in 3 rounds, early passes %d\n", serials, early);
  CHECK(serials == 3 && !early);

  for (int i = 0; i < 2; i++) CHECK(pthread_create(&t[i], 0, once_worker, 0) == 0);
  for (int i = 0; i < 2; i++) CHECK(pthread_join(t[i], 0) == 0);
  CHECK(init_runs == 1);

  CHECK(pthread_spin_init(&sl, 0) == 0);
  for (int i = 0; i < 3; i++) CHECK(pthread_create(&t[i], 0, spinner, 0) == 0);
  for (int i = 0; i < 3; i++) CHECK(pthread_join(t[i], 0) == 0);
  printf("spin: %d (want 150)\n", spin_count);
  CHECK(spin_count == 150);
  printf("ok\n");
  return CHECK_DONE();
}
