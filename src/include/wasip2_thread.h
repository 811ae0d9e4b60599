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
#ifdef WASIP2_COOP
  // Cooperative threads (src/thread/coop, linked by -pthread; the same
  // src/thread sources are compiled again with WASIP2_COOP for it).
  struct __pthread *next;       // every thread, in creation order (main first)
  int state;                    // __WASIP2_READY, _BLOCKED or _DONE
  int started;                  // has run (a switch to it rewinds)
  int joined;                   // a join has reaped it (only main stays listed after)
  int joining;                  // a join waits for it: other joins EINVAL
  int wake_result;              // what the wait returns: 0 woken, ETIMEDOUT, EDEADLK
  const void *wait_on;          // what a blocked thread waits for (0: only its deadline)
  unsigned long long wait_seq;  // wake order: first blocked, first woken
  unsigned long long deadline;  // monotonic ns; 0 = none
  void *(*start)(void *);
  void *arg;
  void *stack, *sp;             // its C stack (malloc'd), saved __stack_pointer
  size_t stack_size;
  int stack_given;              // the stack is the caller's (pthread_attr_setstack): not freed
  void *tls;                    // its __tls_base
  void *abuf;                   // Asyncify's save area (struct __wasip2_abuf)
  int saved_errno;
  // A thread blocked in the wait core (src/thread/coop/wait_io.c): the
  // wasi:io pollables it waits on, where to mark those that fired, how many.
  const int *io_ps;            // wasi_io_poll_pollable_t (int32_t)
  int io_n, io_got;
  unsigned char *io_fired;
  unsigned long long sig_blocked; // its signal mask while another thread runs
  unsigned long long sig_own;     // signals sent to it (pthread_kill, raise) still pending
  unsigned sig_handled;           // its count of handlers run, while another thread runs
#endif
};

extern struct __pthread __wasip2_main_thread;

#ifdef WASIP2_COOP
enum { __WASIP2_READY, __WASIP2_BLOCKED, __WASIP2_DONE };

// What the -pthread link wraps (tools/lib/threads.mjs: --wrap=__main_void,
// --wrap=_Exit) and the scheduler defines (src/thread/coop/sched.c): the
// bottom frame of every thread, and the end of the process (no switch after
// it).  __wasm_init_tls is the linker's TLS block initialiser.
int __wrap___main_void(void);
int __real___main_void(void);
_Noreturn void __wrap__Exit(int status);
_Noreturn void __real__Exit(int status);
void __wasm_init_tls(void *tls);

extern struct __pthread *__wasip2_current;
static inline struct __pthread *__wasip2_self(void) { return __wasip2_current; }
int __wasip2_thread_valid(pthread_t t);

// Block the calling thread on obj (any address; 0 waits for the deadline
// only) until __wasip2_thread_wake(obj) or the deadline (monotonic ns, 0 =
// none) passes; other threads run meanwhile.  Returns 0 when woken,
// ETIMEDOUT, or EDEADLK when no thread could ever wake it.
int __wasip2_thread_wait(const void *obj, unsigned long long deadline);
// Make up to n threads blocked on obj runnable, first blocked first; returns
// how many.
int __wasip2_thread_wake(const void *obj, int n);
// Let every other runnable thread run once.
void __wasip2_thread_yield(void);
// Monotonic deadline of an absolute time on clock, 0 on a bad clock.
unsigned long long __wasip2_thread_deadline(clockid_t clock, const struct timespec *abs);
// The wait core's view of the threads (src/thread/coop/wait_io.c).
// register: install the core's thread hooks (the first pthread_create).
// poll_io: one host poll over every I/O waiter's pollables until deadline
// (absolute monotonic ns; 0 only looks; WASIP2_NEVER none), making those
// whose pollables fired runnable.  io_waiters: threads blocked in I/O.
void __wasip2_thread_wait_register(void);
void __wasip2_thread_poll_io(long long deadline);
extern int __wasip2_thread_io_waiters;
// A finished thread: its result is kept until joined; free a reaped one.
_Noreturn void __wasip2_thread_finish(void);
void __wasip2_thread_free(struct __pthread *t);
// Per-thread signal masks and pending sets (src/thread/coop/signal.c): the
// creator's mask for a new thread, the swap at a switch, and delivery of
// what became deliverable when a thread runs again.
void __wasip2_thread_sig_inherit(struct __pthread *t);
void __wasip2_thread_sig_switch(struct __pthread *prev, struct __pthread *next);
void __wasip2_thread_sig_arrive(void);
// The bounds the stack-pointer check of a -pthread link enforces (its body
// is replaced by tools/lib/stack-check.mjs with stores to the check's
// globals; src/thread/coop/stack.c): every __stack_pointer store must stay
// within [limit, base], else the program traps in __wasip2_stack_overflow.
void __wasip2_stack_limits(void *base, void *limit);
#else
static inline struct __pthread *__wasip2_self(void) { return &__wasip2_main_thread; }

// Is t a live thread?  (Only the calling one exists.)
static inline int __wasip2_thread_valid(pthread_t t) { return t == &__wasip2_main_thread; }
#endif

// The default stack size of a new thread (src/thread/pthread_attr.c).
size_t __wasip2_thread_default_stack(void);

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
