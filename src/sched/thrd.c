// C11 threads (<threads.h> thrd_*) over pthreads.  A C11 start function
// returns int: a small block carries it and its argument to a pthread
// start routine that returns the int as the thread's result.  Without
// -pthread, pthread_create fails (EAGAIN) and so does thrd_create
// (thrd_error); with it the thread runs cooperatively (src/thread/coop).
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

struct start {
  thrd_start_t func;
  void *arg;
};

static void *run(void *p) {
  struct start s = *(struct start *)p;
  free(p);
  return (void *)(intptr_t)s.func(s.arg);
}

int thrd_create(thrd_t *t, thrd_start_t func, void *arg) {
  struct start *s = malloc(sizeof *s);
  if (!s) return thrd_nomem;
  s->func = func;
  s->arg = arg;
  pthread_t p;
  int r = pthread_create(&p, 0, run, s);
  if (r) {
    free(s);
    return thrd_error;
  }
  *t = p;
  return thrd_success;
}

_Noreturn void thrd_exit(int res) { pthread_exit((void *)(intptr_t)res); }

int thrd_join(thrd_t t, int *res) {
  void *r;
  if (pthread_join(t, &r)) return thrd_error;
  if (res) *res = (int)(intptr_t)r;
  return thrd_success;
}

int thrd_detach(thrd_t t) { return pthread_detach(t) ? thrd_error : thrd_success; }

thrd_t thrd_current(void) { return pthread_self(); }

#undef thrd_equal
int thrd_equal(thrd_t a, thrd_t b) { return a == b; }

// 0 slept, -1 interrupted (rem has the rest), another negative on error.
int thrd_sleep(const struct timespec *d, struct timespec *rem) {
  if (nanosleep(d, rem) == 0) return 0;
  return errno == EINTR ? -1 : -2;
}

void thrd_yield(void) { sched_yield(); }
