// Thread identity and the calls that name other threads, in the
// single-threaded model: pthread_self is stable and equal to itself,
// pthread_create fails with EAGAIN (nothing started), join of ourselves is
// EDEADLK and of anything else ESRCH, pthread_kill reaches a handler
// synchronously (ESRCH for another thread), pthread_sigmask is the
// process mask, thread attributes round-trip, names and cancellation of
// the calling thread work.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

static int started;
static void *start(void *arg) { started = 1; return arg; }
static volatile sig_atomic_t got;
static void on_usr1(int sig) { got = sig; }

int main(void) {
  pthread_t me = pthread_self();
  OK(me != PTHREAD_NULL && pthread_equal(me, pthread_self()), "pthread_self non-null and stable");
  OK((pthread_equal)(me, me) && !(pthread_equal)(me, PTHREAD_NULL), "pthread_equal function form");
  pthread_t t = me;
  OK(pthread_create(&t, NULL, start, NULL) == EAGAIN && !started && t == me, "pthread_create: EAGAIN, nothing ran, *thread untouched");
  OK(pthread_join(me, NULL) == EDEADLK, "join of ourselves: EDEADLK");
  OK(pthread_join(PTHREAD_NULL, NULL) == ESRCH, "join of no thread: ESRCH");
  OK(pthread_tryjoin_np(PTHREAD_NULL, NULL) == ESRCH, "tryjoin_np of no thread: ESRCH");
  OK(pthread_detach(PTHREAD_NULL) == ESRCH, "detach of no thread: ESRCH");

  signal(SIGUSR1, on_usr1);
  OK(pthread_kill(me, SIGUSR1) == 0 && got == SIGUSR1, "pthread_kill(self, SIGUSR1) ran the handler before returning");
  OK(pthread_kill(me, 0) == 0, "pthread_kill(self, 0): the thread exists");
  OK(pthread_kill(PTHREAD_NULL, SIGUSR1) == ESRCH, "pthread_kill of no thread: ESRCH");
  OK(pthread_kill(me, 9999) == EINVAL, "pthread_kill with signal 9999: EINVAL");
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  got = 0;
  OK(pthread_sigmask(SIG_BLOCK, &set, &old) == 0, "pthread_sigmask(SIG_BLOCK)");
  pthread_kill(me, SIGUSR1);
  OK(got == 0, "  blocked: pending, handler not run");
  OK(pthread_sigmask(SIG_SETMASK, &old, NULL) == 0 && got == SIGUSR1, "  unblocked: delivered before return");
  OK(pthread_sigmask(99, &set, NULL) == EINVAL, "pthread_sigmask(99): EINVAL returned (not -1)");

  pthread_attr_t a;
  size_t sz;
  int v;
  void *addr;
  OK(pthread_attr_init(&a) == 0, "attr_init");
  OK(pthread_attr_getstacksize(&a, &sz) == 0 && sz >= PTHREAD_STACK_MIN, "default stack size %zu", sz);
  OK(pthread_attr_setstacksize(&a, 1 << 20) == 0 && pthread_attr_getstacksize(&a, &sz) == 0 && sz == 1 << 20,
        "stacksize round-trips");
  OK(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1) == EINVAL, "stacksize below PTHREAD_STACK_MIN: EINVAL");
  OK(pthread_attr_setguardsize(&a, 8192) == 0 && pthread_attr_getguardsize(&a, &sz) == 0 && sz == 8192,
        "guardsize round-trips");
  OK(pthread_attr_getdetachstate(&a, &v) == 0 && v == PTHREAD_CREATE_JOINABLE, "default joinable");
  OK(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED) == 0 && pthread_attr_getdetachstate(&a, &v) == 0 &&
        v == PTHREAD_CREATE_DETACHED, "detachstate round-trips");
  OK(pthread_attr_setdetachstate(&a, 5) == EINVAL, "detachstate 5: EINVAL");
  static char stack[65536];
  OK(pthread_attr_setstack(&a, stack, sizeof stack) == 0 && pthread_attr_getstack(&a, &addr, &sz) == 0 &&
        addr == stack && sz == sizeof stack, "setstack/getstack round-trip");
  OK(pthread_attr_getscope(&a, &v) == 0 && v == PTHREAD_SCOPE_SYSTEM, "scope SYSTEM");
  OK(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS) == ENOTSUP, "scope PROCESS: ENOTSUP (as Linux)");
  OK(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED) == 0 && pthread_attr_getinheritsched(&a, &v) == 0 &&
        v == PTHREAD_EXPLICIT_SCHED, "inheritsched round-trips");
  OK(pthread_attr_setschedpolicy(&a, 0) == 0 && pthread_attr_getschedpolicy(&a, &v) == 0 && v == 0, "schedpolicy SCHED_OTHER");
  OK(pthread_attr_setschedpolicy(&a, 1) == ENOTSUP, "schedpolicy SCHED_FIFO: ENOTSUP");
  OK(pthread_attr_destroy(&a) == 0, "attr_destroy");
  OK(pthread_getattr_np(me, &a) == 0 && pthread_attr_getstack(&a, &addr, &sz) == 0 && sz > 0 &&
        (char *)&a > (char *)addr && (char *)&a < (char *)addr + sz, "getattr_np: our stack (%zu bytes) holds a local", sz);

  char name[16];
  OK(pthread_setname_np(me, "main-thread") == 0 && pthread_getname_np(me, name, sizeof name) == 0 &&
        !strcmp(name, "main-thread"), "setname/getname round-trip");
  OK(pthread_setname_np(me, "a-name-of-16char") == ERANGE, "name of 16 characters: ERANGE");
  OK(pthread_getname_np(me, name, 5) == ERANGE, "getname into 5 bytes: ERANGE");
  OK(pthread_setschedprio(me, 0) == 0 && pthread_setschedprio(me, 5) == EINVAL, "setschedprio 0 ok, 5 EINVAL");
  OK(pthread_setconcurrency(3) == 0 && pthread_getconcurrency() == 3 && pthread_setconcurrency(-1) == EINVAL,
        "concurrency round-trips");
  clockid_t clk;
  struct timespec ts;
  OK(pthread_getcpuclockid(me, &clk) == 0 && clock_gettime(clk, &ts) == 0, "getcpuclockid gives a working clock");

  int old_state;
  OK(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old_state) == 0 && old_state == PTHREAD_CANCEL_ENABLE,
        "setcancelstate, old ENABLE");
  OK(pthread_cancel(me) == 0, "pthread_cancel(self) with cancellation disabled");
  pthread_testcancel();
  OK(1, "  testcancel did not act while disabled");
  OK(pthread_setcancelstate(7, NULL) == EINVAL && pthread_setcanceltype(7, NULL) == EINVAL, "bad state/type: EINVAL");
  OK(pthread_cancel(PTHREAD_NULL) == ESRCH, "cancel of no thread: ESRCH");
  OK(pthread_detach(me) == 0 && pthread_detach(me) == EINVAL, "detach self, twice EINVAL");
  fflush(stdout);
  // Enabling it now acts at the next cancellation point: we exit with status 0
  // (the process ends with its last thread), and the line below never prints.
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
  if (check_failures) return 1;
  pthread_testcancel();
  printf("FAIL cancellation did not act\n");
  return 1;
}
