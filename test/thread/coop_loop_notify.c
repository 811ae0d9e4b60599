// libevent's thread/basic pattern without libevent: many threads each add a
// short timer to a loop owned by the main thread, wake the loop through an
// eventfd (its "notification fd") and wait on their own condition until the
// loop's timer callback broadcasts it.  The main thread sleeps in
// epoll_wait with the earliest timer as its timeout.  Every round of every
// thread must complete, in about the time the timers add up to.
// oracle: linux
//! cflags: -pthread -O2
//! timeout: 60
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define NTHREADS 50
#define ROUNDS 20
#define TIMER_NS 3000000LL

struct waiter {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  long long due;  // 0: no timer pending; guarded by loop_lock
  int fired;      // guarded by lock
};

static pthread_mutex_t loop_lock = PTHREAD_MUTEX_INITIALIZER;
static struct waiter w[NTHREADS];
static int efd, done_threads, rounds_done;
static int notify_pending;  // guarded by loop_lock, as libevent's is_notify_pending

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void *worker(void *arg) {
  struct waiter *me = arg;
  for (int r = 0; r < ROUNDS; r++) {
    pthread_mutex_lock(&me->lock);
    me->fired = 0;
    pthread_mutex_lock(&loop_lock);
    me->due = now_ns() + TIMER_NS;
    if (!notify_pending) {  // wake the loop: its timeout may be later than ours
      notify_pending = 1;
      uint64_t one = 1;
      if (write(efd, &one, sizeof one) != sizeof one) CHECK(0, "eventfd write");
    }
    pthread_mutex_unlock(&loop_lock);
    while (!me->fired) pthread_cond_wait(&me->cond, &me->lock);
    pthread_mutex_unlock(&me->lock);
  }
  pthread_mutex_lock(&loop_lock);
  done_threads++;
  pthread_mutex_unlock(&loop_lock);
  return 0;
}

int main(void) {
  efd = eventfd(0, EFD_NONBLOCK);
  int ep = epoll_create1(0);
  REQUIRE(efd >= 0 && ep >= 0);
  struct epoll_event ev = { .events = EPOLLIN, .data.fd = efd };
  REQUIRE(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev) == 0);
  pthread_t t[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    pthread_mutex_init(&w[i].lock, 0);
    pthread_cond_init(&w[i].cond, 0);
    REQUIRE(pthread_create(&t[i], 0, worker, &w[i]) == 0);
  }
  long long start = now_ns();
  int wakeups = 0;
  for (;;) {
    pthread_mutex_lock(&loop_lock);
    int finished = done_threads == NTHREADS;
    long long soonest = 0;
    for (int i = 0; i < NTHREADS; i++)
      if (w[i].due && (!soonest || w[i].due < soonest)) soonest = w[i].due;
    pthread_mutex_unlock(&loop_lock);
    if (finished) break;
    if (now_ns() - start > 30000000000LL) break;  // stuck: reported below
    long long left = soonest ? soonest - now_ns() : 1000000000LL;
    int ms = left <= 0 ? 0 : (int)((left + 999999) / 1000000);
    struct epoll_event got;
    int n = epoll_wait(ep, &got, 1, ms);
    if (n < 0 && errno != EINTR) { CHECK(0, "epoll_wait"); break; }
    if (n == 1) {
      uint64_t v;
      if (read(efd, &v, sizeof v) == sizeof v) wakeups++;
      pthread_mutex_lock(&loop_lock);
      notify_pending = 0;
      pthread_mutex_unlock(&loop_lock);
    }
    long long now = now_ns();
    for (int i = 0; i < NTHREADS; i++) {
      pthread_mutex_lock(&loop_lock);
      int due = w[i].due && w[i].due <= now;
      if (due) w[i].due = 0;
      pthread_mutex_unlock(&loop_lock);
      if (!due) continue;
      pthread_mutex_lock(&w[i].lock);  // the timer callback: wake_all_timeout
      w[i].fired = 1;
      rounds_done++;
      pthread_cond_broadcast(&w[i].cond);
      pthread_mutex_unlock(&w[i].lock);
    }
  }
  double secs = (now_ns() - start) / 1e9;
  OK(done_threads == NTHREADS, "all %d threads finished their rounds", NTHREADS);
  OK(rounds_done == NTHREADS * ROUNDS, "%d rounds completed", NTHREADS * ROUNDS);
  CHECK(wakeups > 0, "the loop was woken through its eventfd");
  // 20 rounds of 3 ms timers: well under 5 s however they interleave
  OK(secs < 5, "finished in time");
  if (secs >= 5) fprintf(stderr, "took %.1f s\n", secs);
  for (int i = 0; i < NTHREADS; i++) pthread_join(t[i], 0);
  close(ep);
  close(efd);
  return CHECK_DONE();
}
