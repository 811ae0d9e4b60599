// C11 threads (<threads.h>) for a component that has exactly one thread:
// thrd_create cannot make another (thrd_error, as pthread_create's EAGAIN);
// the current thread is the main one; joining it would wait for ourselves
// (thrd_error).  thrd_exit runs the tss destructors (tss.c), then ends the
// program as C11 says the last thread's exit does: exit(EXIT_SUCCESS).
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

void __wasip2_tss_run_dtors(void);

#define MAIN ((thrd_t)1)

int thrd_create(thrd_t *t, thrd_start_t fn, void *arg) {
  (void)t; (void)fn; (void)arg;
  return thrd_error;
}

thrd_t thrd_current(void) { return MAIN; }

#undef thrd_equal
int thrd_equal(thrd_t a, thrd_t b) { return a == b; }

int thrd_detach(thrd_t t) { return t == MAIN ? thrd_success : thrd_error; }

int thrd_join(thrd_t t, int *res) {
  (void)t; (void)res;
  return thrd_error;
}

_Noreturn void thrd_exit(int res) {
  (void)res;
  __wasip2_tss_run_dtors();
  exit(EXIT_SUCCESS);
}

// 0 slept, -1 interrupted by a signal (with *rem), another negative on error.
int thrd_sleep(const struct timespec *d, struct timespec *rem) {
  if (nanosleep(d, rem) == 0) return 0;
  return errno == EINTR ? -1 : -2;
}

void thrd_yield(void) { sched_yield(); }
