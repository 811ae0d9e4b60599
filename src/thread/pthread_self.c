// The thread that runs main, pthread_self/pthread_equal, and the calls that
// name another thread: with one thread there is never another one to
// create, join or detach.  pthread_create fails with EAGAIN ("the system
// lacked the resources to create another thread"), what a program that
// falls back to doing the work itself expects.
//
// In a -pthread build (WASIP2_COOP) they are real: threads run cooperatively
// under src/thread/coop/sched.c.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include "wasip2_thread.h"

// tid 42: the fixed process id of src/proc/pid.c (a process's first thread
// has tid == pid on Linux too).
struct __pthread __wasip2_main_thread = {.tid = 42};

#ifdef WASIP2_COOP
pthread_t pthread_self(void) { return __wasip2_self(); }
#else
pthread_t pthread_self(void) { return &__wasip2_main_thread; }
#endif

#undef pthread_equal
int pthread_equal(pthread_t a, pthread_t b) { return a == b; }

#ifdef WASIP2_COOP
static int next_tid = 43;

int pthread_create(pthread_t *restrict res, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg) {
  size_t stack = __wasip2_thread_default_stack();
  void *own = 0;  // a stack the caller gave (pthread_attr_setstack)
  int detach = 0;
  if (attr) {
    size_t sz;
    if (pthread_attr_getstack(attr, &own, &sz) == 0) stack = sz;
    else own = 0, pthread_attr_getstacksize(attr, &stack);
    pthread_attr_getdetachstate(attr, &detach);
  }
  if (own) {  // keep it 16-byte aligned inside what was given
    char *lo = (char *)(((size_t)own + 15) & ~(size_t)15);
    stack = ((size_t)((char *)own + stack - lo)) & ~(size_t)15;
    own = lo;
  } else {
    stack = (stack + 15) & ~(size_t)15;
  }
  struct __pthread *t = calloc(1, sizeof *t);
  if (!t) return EAGAIN;
  size_t align = __builtin_wasm_tls_align(), size = __builtin_wasm_tls_size();
  if (align < 16) align = 16;
  t->stack = own ? own : aligned_alloc(16, stack);
  t->stack_given = own != 0;
  t->tls = aligned_alloc(align, size ? (size + align - 1) & ~(align - 1) : align);
  if (!t->stack || !t->tls) {
    if (!own) free(t->stack);
    free(t->tls);
    free(t);
    return EAGAIN;
  }
  t->stack_size = stack;
  t->tid = next_tid++;
  t->detached = detach == PTHREAD_CREATE_DETACHED;
  t->start = start;
  t->arg = arg;
  t->state = __WASIP2_READY;
  __wasip2_thread_sig_inherit(t);
  struct __pthread *p = &__wasip2_main_thread;
  while (p->next) p = p->next;
  p->next = t;
  __wasip2_thread_wait_register();  // waits now park (coop/wait_io.c)
  *res = t;
  return 0;
}

// Waits (others run) until t has finished; a thread nobody else can finish
// (everyone waits) gives EDEADLK.  The waiting join claims t, so a second
// joiner gets EINVAL (as the Linux manual says) instead of waking after the
// first one has freed t; a try-join of a running thread is EBUSY first, as
// in glibc.
static int join(pthread_t t, void **result, int try, unsigned long long deadline) {
  if (t == pthread_self()) return EDEADLK;
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (try && t->state != __WASIP2_DONE) return EBUSY;
  if (t->detached || t->joined || t->joining) return EINVAL;
  t->joining = 1;
  while (t->state != __WASIP2_DONE) {
    int r = __wasip2_thread_wait(t, deadline);
    if (r) {
      t->joining = 0;  // timed out (or deadlock): t stays joinable
      return r;
    }
  }
  t->joining = 0;
  if (result) *result = t->result;
  t->joined = 1;
  if (t != &__wasip2_main_thread) __wasip2_thread_free(t);
  return 0;
}

int pthread_join(pthread_t t, void **result) {
  __wasip2_thread_testcancel();  // a cancellation point
  return join(t, result, 0, 0);
}

int pthread_tryjoin_np(pthread_t t, void **result) { return join(t, result, 1, 0); }

int pthread_timedjoin_np(pthread_t t, void **result, const struct timespec *abs) {
  if (!abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000L) return EINVAL;
  return join(t, result, 0, __wasip2_thread_deadline(CLOCK_REALTIME, abs));
}

int pthread_detach(pthread_t t) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (t->detached || t->joined) return EINVAL;
  if (t->joining) return 0;  // the waiting join reaps it (glibc does the same)
  t->detached = 1;
  // Already finished: nobody will reap it at its exit any more.
  if (t->state == __WASIP2_DONE && t != &__wasip2_main_thread) __wasip2_thread_free(t);
  return 0;
}
#else
int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg) {
  (void)t, (void)attr, (void)start, (void)arg;
  return EAGAIN;
}

int pthread_join(pthread_t t, void **result) {
  (void)result;
  __wasip2_thread_testcancel();  // a cancellation point
  if (t == pthread_self()) return EDEADLK;
  return ESRCH;
}

int pthread_tryjoin_np(pthread_t t, void **result) { return pthread_join(t, result); }

int pthread_timedjoin_np(pthread_t t, void **result, const struct timespec *abs) {
  (void)abs;
  return pthread_join(t, result);
}

int pthread_detach(pthread_t t) {
  if (!__wasip2_thread_valid(t)) return ESRCH;
  if (t->detached) return EINVAL;
  t->detached = 1;
  return 0;
}
#endif
