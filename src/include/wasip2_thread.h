// Thread state shared by src/thread (and pthread_kill in src/signal).  There
// is one thread today, but every piece of per-thread state lives in its
// struct __pthread and every lock keeps its owner, so a scheduler that adds
// threads later extends these structs instead of replacing globals.
#ifndef WASIP2_THREAD_H
#define WASIP2_THREAD_H

#include <limits.h>
#include <pthread.h>
#include <time.h>

struct __pthread {
  int tid;                     // what gettid() says for this thread; lock owners hold it
  int detached;
  int cancel_disable, cancel_async, cancel_pending;
  void *result;
  struct __ptcb *cancelbuf;    // cleanup handlers, innermost first
  void *tsd[PTHREAD_KEYS_MAX]; // thread-specific values, by key
  char name[16];
};

extern struct __pthread __wasip2_main_thread;

static inline struct __pthread *__wasip2_self(void) { return &__wasip2_main_thread; }

// Is t a live thread?  (Only the calling one exists.)
static inline int __wasip2_thread_valid(pthread_t t) { return t == &__wasip2_main_thread; }

// Sleep until abs on clock (CLOCK_REALTIME or CLOCK_MONOTONIC), through the
// sleep path that runs alarm handlers on time; returns ETIMEDOUT, or EINVAL
// for a malformed abs or clock.  Used by every wait only a deadline can end.
int __wasip2_thread_sleep_until(clockid_t clock, const struct timespec *abs);

// Act on a pending cancellation of the calling thread (cancellation points).
void __wasip2_thread_testcancel(void);

// Run the calling thread's key destructors (pthread_exit).
void __wasip2_thread_run_dtors(void);

// Mutex internals for pthread_cond_*: release a held mutex completely
// (returns its lock count, or -EPERM when the caller does not hold it) and
// take it back with that count.
int __wasip2_mutex_release(pthread_mutex_t *m);
void __wasip2_mutex_reacquire(pthread_mutex_t *m, int count);

#endif
