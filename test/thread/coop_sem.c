// -pthread: semaphores park the waiting thread and the post wakes it.
// sem_wait on 0 returns once another thread posts 0.1 s later (it used to
// fail with EDEADLK at once); sem_timedwait with a 2 s deadline returns at a
// post 0.3 s in (it used to sleep to the deadline); a timed wait nobody
// posts times out; producers and consumers hand 300 items through two
// counting semaphores without loss.  Compared with Linux.
//! cflags: -pthread -O2
// oracle: linux
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static sem_t s;
static double posted_at;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void *post_after(void *arg) {
  usleep((useconds_t)(long)arg);
  posted_at = now();
  CHECK(sem_post(&s) == 0);
  return 0;
}

#define SLOTS 3
#define ITEMS 300
static sem_t empty, full;
static int ring[SLOTS], in, out, sum;

static void *producer(void *arg) {
  int base = (int)(long)arg;
  for (int i = 1; i <= ITEMS / 2; i++) {
    CHECK(sem_wait(&empty) == 0);
    ring[in++ % SLOTS] = base + i;
    CHECK(sem_post(&full) == 0);
  }
  return 0;
}

static void *consumer(void *arg) {
  (void)arg;
  for (int i = 0; i < ITEMS / 2; i++) {
    CHECK(sem_wait(&full) == 0);
    sum += ring[out++ % SLOTS];
    CHECK(sem_post(&empty) == 0);
  }
  return 0;
}

int main(void) {
  pthread_t t, p[2], c[2];
  REQUIRE(sem_init(&s, 0, 0) == 0);

  // sem_wait: returns at the post, not EDEADLK at once
  double t0 = now();
  REQUIRE(pthread_create(&t, 0, post_after, (void *)100000L) == 0);
  int r = sem_wait(&s);
  double back = now();
  OK(r == 0, "sem_wait returns 0 after another thread's post");
  OK(back - t0 >= 0.09, "sem_wait waited for the post");
  OK(back - posted_at < 0.05, "sem_wait returned at the post");
  pthread_join(t, 0);

  // sem_timedwait: the post at 0.3 s ends a 2 s wait
  struct timespec at;
  clock_gettime(CLOCK_REALTIME, &at);
  at.tv_sec += 2;
  t0 = now();
  REQUIRE(pthread_create(&t, 0, post_after, (void *)300000L) == 0);
  r = sem_timedwait(&s, &at);
  back = now();
  OK(r == 0, "sem_timedwait returns 0 at the post");
  OK(back - t0 < 1.0, "sem_timedwait did not sleep to its deadline");
  OK(back - posted_at < 0.05, "sem_timedwait returned at the post");
  pthread_join(t, 0);

  // nobody posts: the deadline ends it
  clock_gettime(CLOCK_REALTIME, &at);
  at.tv_nsec += 100000000;
  if (at.tv_nsec >= 1000000000) at.tv_sec++, at.tv_nsec -= 1000000000;
  errno = 0;
  OK(sem_timedwait(&s, &at) == -1 && errno == ETIMEDOUT, "sem_timedwait with no post: ETIMEDOUT");
  int v = -1;
  OK(sem_getvalue(&s, &v) == 0 && v == 0, "count back at 0");

  // bounded buffer: two producers, two consumers
  REQUIRE(sem_init(&empty, 0, SLOTS) == 0);
  REQUIRE(sem_init(&full, 0, 0) == 0);
  for (int i = 0; i < 2; i++) {
    REQUIRE(pthread_create(&p[i], 0, producer, (void *)(long)(i * 1000)) == 0);
    REQUIRE(pthread_create(&c[i], 0, consumer, 0) == 0);
  }
  for (int i = 0; i < 2; i++) pthread_join(p[i], 0), pthread_join(c[i], 0);
  int want = 0;
  for (int i = 1; i <= ITEMS / 2; i++) want += i + (1000 + i);
  OK(sum == want, "every item handed over once");
  OK(sem_getvalue(&empty, &v) == 0 && v == SLOTS, "all slots free at the end");
  sem_destroy(&s), sem_destroy(&empty), sem_destroy(&full);
#ifdef _POSIX_SEMAPHORES
  OK(_POSIX_SEMAPHORES > 0, "_POSIX_SEMAPHORES defined");
#else
  CHECK(0, "_POSIX_SEMAPHORES not defined");
#endif
  return CHECK_DONE();
}
