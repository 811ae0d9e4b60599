// The cooperative scheduler of -pthread builds: every thread runs on the one
// wasm thread until it waits (lock, condition, join, sleep, yield, exit,
// blocking socket/stream I/O); then the next runnable thread, round robin,
// runs.
//
// Stacks are switched with Binaryen's Asyncify, run over the program at link
// time (tools/lib/threads.mjs): a thread that must wait unwinds its wasm
// call stack into its save area (abuf) and returns, frame by frame, to the
// bottom frame below (__wrap___main_void, left uninstrumented), which then
// rewinds the chosen thread back into the call it left.  The C shadow stack
// (__stack_pointer), the thread-locals (__tls_base) and errno are switched
// here; each thread's C stack and TLS block come from malloc.
//
// When no thread can run, one wasi:io/poll waits for the pollables of the
// threads blocked in I/O and the earliest deadline; when there is neither,
// nothing can ever wake anyone, and the wait that came last fails with
// EDEADLK instead of hanging.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include "wasip2_fd.h"
#include "wasip2_runtime.h"  // __stack_high, __stack_low
#include "wasip2_thread.h"

// Binaryen's Asyncify intrinsics, not WASI imports: `wasm-opt --asyncify` (run by
// tools/wasm-component-ld for -pthread) replaces these four imports with its own
// functions, so no component ever imports them and no canonical ABI is involved.
#define ASYNCIFY(n) __attribute__((import_module("asyncify"), import_name(n)))
ASYNCIFY("start_unwind") void __wasip2_asyncify_start_unwind(void *);
ASYNCIFY("stop_unwind") void __wasip2_asyncify_stop_unwind(void);
ASYNCIFY("start_rewind") void __wasip2_asyncify_start_rewind(void *);
ASYNCIFY("stop_rewind") void __wasip2_asyncify_stop_rewind(void);

// Asyncify's view of a save area: the next free byte, its end.
struct __wasip2_abuf { char *cur, *end; };
#define ABUF_SIZE 65536

struct __pthread *__wasip2_current = &__wasip2_main_thread;
static struct __pthread *next_to_run;   // chosen by the unwinding thread
static int unwinding, rewinding;
static unsigned long long wait_seq;
// The process is ending (main returned, or _Exit): no switch may happen any
// more (see __wrap__Exit at the end).
static int exiting;

static inline void *get_sp(void) {
  void *sp;
  __asm__ volatile(".globaltype __stack_pointer, i32\nglobal.get __stack_pointer\nlocal.set %0" : "=r"(sp));
  return sp;
}
static inline void set_sp(void *sp) {
  __asm__ volatile(".globaltype __stack_pointer, i32\nlocal.get %0\nglobal.set __stack_pointer" : : "r"(sp));
}
static inline void set_tls(void *tls) {
  __asm__ volatile(".globaltype __tls_base, i32\nlocal.get %0\nglobal.set __tls_base" : : "r"(tls));
}

int __wasip2_thread_valid(pthread_t t) {
  for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next)
    if (p == t) return p->state != __WASIP2_DONE || !p->joined;
  return 0;
}

static unsigned long long now_ns(void) { return wasi_clocks_monotonic_clock_now(); }

unsigned long long __wasip2_thread_deadline(clockid_t clock, const struct timespec *abs) {
  unsigned long long t = (unsigned long long)abs->tv_sec * 1000000000u + (unsigned long long)abs->tv_nsec;
  if (abs->tv_sec < 0) t = 0;
  if (clock == CLOCK_MONOTONIC) return t ? t : 1;
  if (clock != CLOCK_REALTIME) return 0;
  struct timespec rt;
  clock_gettime(CLOCK_REALTIME, &rt);
  unsigned long long n = (unsigned long long)rt.tv_sec * 1000000000u + (unsigned long long)rt.tv_nsec;
  unsigned long long m = now_ns();
  return t > n ? m + (t - n) : (m ? m : 1);
}

static int timed_waiters;  // threads blocked with a deadline

// Make the threads whose deadline has passed runnable.  Checked at every
// switch while any wait has a deadline, so a sleeper wakes on time even when
// other threads never stop yielding.
static void wake_expired(void) {
  unsigned long long now = now_ns();
  for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next) {
    if (p->state == __WASIP2_BLOCKED && p->deadline && p->deadline <= now) {
      p->state = __WASIP2_READY;
      p->wait_on = 0;
      p->wake_result = ETIMEDOUT;
    }
  }
}

// The next thread to run after self, round robin; self when it is the only
// runnable one.  Sleeps when every thread waits on a deadline or I/O.
static struct __pthread *pick(struct __pthread *self) {
  // Threads blocked in I/O get their chance at every switch: a quick look at
  // what is ready, so busy threads cannot starve them.
  if (__wasip2_thread_io_waiters) __wasip2_thread_poll_io(0);
  if (timed_waiters) wake_expired();
  for (;;) {
    struct __pthread *p = self;
    do {
      p = p->next ? p->next : &__wasip2_main_thread;
      if (p->state == __WASIP2_READY) return p;
    } while (p != self);

    unsigned long long soonest = 0;
    struct __pthread *last = 0;
    for (p = &__wasip2_main_thread; p; p = p->next) {
      if (p->state != __WASIP2_BLOCKED) continue;
      if (p->deadline && (!soonest || p->deadline < soonest)) soonest = p->deadline;
      if (!p->io_n && (!last || p->wait_seq > last->wait_seq)) last = p;
    }
    int io_waiters = __wasip2_thread_io_waiters;
    if (!last && !io_waiters) exit(0);  // every thread has exited: so does the process
    if (!soonest && !io_waiters) {
      // Nothing can wake anyone: the latest wait fails rather than hang.
      last->state = __WASIP2_READY;
      last->wait_on = 0;
      last->wake_result = EDEADLK;
      continue;
    }
    // every thread waits: one host poll (the wait core's) for all of them
    if (io_waiters) __wasip2_thread_poll_io(soonest ? (long long)soonest : WASIP2_NEVER);
    else __wasip2_host_poll(0, 0, 0, (long long)soonest);
    wake_expired();
  }
}

// Give the wasm thread to another thread; returns when self runs again.
// Instrumented by Asyncify: the call to start_unwind unwinds, and the
// rewind comes back to just after it.
__attribute__((noinline)) static void switch_from(struct __pthread *self) {
  if (!rewinding) {
    struct __pthread *next = pick(self);
    if (next == self) return;
    struct __wasip2_abuf *ab = self->abuf;
    ab->cur = (char *)(ab + 1);
    ab->end = (char *)ab + ABUF_SIZE;
    self->sp = get_sp();
    self->saved_errno = errno;
    next_to_run = next;
    unwinding = 1;
    __wasip2_asyncify_start_unwind(ab);
  } else {
    rewinding = 0;
    __wasip2_asyncify_stop_rewind();
  }
}

static int ensure_abuf(struct __pthread *t) {
  if (!t->abuf && !(t->abuf = malloc(ABUF_SIZE))) return ENOMEM;
  return 0;
}

int __wasip2_thread_wait(const void *obj, unsigned long long deadline) {
  struct __pthread *self = __wasip2_current;
  if (exiting) return EDEADLK;  // nobody else will run again
  if (ensure_abuf(self)) return EAGAIN;
  self->state = __WASIP2_BLOCKED;
  self->wait_on = obj;
  self->deadline = deadline;
  self->wait_seq = ++wait_seq;
  self->wake_result = 0;
  if (deadline) timed_waiters++;
  switch_from(self);
  if (deadline) timed_waiters--;
  self->deadline = 0;
  __wasip2_thread_sig_arrive();
  return self->wake_result;
}

int __wasip2_thread_wake(const void *obj, int n) {
  int woken = 0;
  while (woken < n) {
    struct __pthread *first = 0;
    for (struct __pthread *p = &__wasip2_main_thread; p; p = p->next)
      if (p->state == __WASIP2_BLOCKED && p->wait_on == obj && obj && (!first || p->wait_seq < first->wait_seq))
        first = p;
    if (!first) break;
    first->state = __WASIP2_READY;
    first->wait_on = 0;
    first->wake_result = 0;
    woken++;
  }
  return woken;
}

void __wasip2_thread_yield(void) {
  struct __pthread *self = __wasip2_current;
  if (!self->next && self == &__wasip2_main_thread) return;  // no other thread
  if (exiting || ensure_abuf(self)) return;
  switch_from(self);
  __wasip2_thread_sig_arrive();
}

_Noreturn void __wasip2_thread_finish(void) {
  struct __pthread *self = __wasip2_current;
  self->state = __WASIP2_DONE;
  __wasip2_thread_wake(self, INT_MAX);  // its joiners
  ensure_abuf(self);
  switch_from(self);  // never rewound: a finished thread is not picked
  __builtin_unreachable();
}

void __wasip2_thread_free(struct __pthread *t) {
  for (struct __pthread **pp = &__wasip2_main_thread.next; *pp; pp = &(*pp)->next) {
    if (*pp == t) {
      *pp = t->next;
      break;
    }
  }
  if (!t->stack_given) free(t->stack);
  free(t->tls);
  free(t->abuf);
  free(t);
}

// A thread's own bottom frame, instrumented (it is on the path to every
// switch), so an unwind out of it returns to the loop below; kept out of
// line for that.  The loop calls it through a pointer the compiler cannot
// see through: pthread_exit does not return, but an unwind does.
static void start_thread(struct __pthread *t) {
  __wasip2_thread_sig_arrive();  // process signals it may take
  pthread_exit(t->start(t->arg));
}
static void (*volatile run_thread)(struct __pthread *) = start_thread;

// The bottom frame of every thread, called by crt1 in place of __main_void
// (the link wraps it): runs main, and whichever thread main's waits hand
// the wasm thread to.  Not instrumented: unwinds end here.
int __wrap___main_void(void) {
  void *base = get_sp();
  // The main stack's bounds for the overflow check: the linker's when known.
  void *top = __stack_high ? (void *)__stack_high : base, *low = __stack_low;
  __wasip2_stack_limits(top, low);
  struct __pthread *t = &__wasip2_main_thread;
  t->tls = __builtin_wasm_tls_base();
  t->started = 1;
  int status = __real___main_void();
  for (;;) {
    __wasip2_stack_limits(top, low);
    set_sp(base);
    if (!unwinding) {  // main returned: the process ends
      exiting = 1;
      return status;
    }
    unwinding = 0;
    __wasip2_asyncify_stop_unwind();
    struct __pthread *prev = t;
    t = next_to_run;
    __wasip2_thread_sig_switch(prev, t);
    if (prev->state == __WASIP2_DONE && prev->detached && prev != &__wasip2_main_thread)
      __wasip2_thread_free(prev);
    __wasip2_current = t;
    if (t != &__wasip2_main_thread) __wasip2_stack_limits((char *)t->stack + t->stack_size, t->stack);
    if (t->started) {
      errno = t->saved_errno;
      set_tls(t->tls);
      set_sp(t->sp);
      rewinding = 1;
      __wasip2_asyncify_start_rewind(t->abuf);
    } else {
      t->started = 1;
      errno = 0;
      set_sp((char *)t->stack + t->stack_size);
      __wasm_init_tls(t->tls);
    }
    if (t == &__wasip2_main_thread) status = __real___main_void();
    else run_thread(t);
  }
}

// _Exit, wrapped by the -pthread link: once the process is ending, closing
// its descriptors (or anything else below _Exit) must not run other threads,
// so every switch is refused from here on.  That guarantee is also what lets
// the link leave _Exit, and what only it reaches, uninstrumented
// (tools/lib/threads.mjs): code that may call abort or exit, such as
// printf's argument fetching, then pays nothing for it.
_Noreturn void __wrap__Exit(int status) {
  exiting = 1;
  __real__Exit(status);
}
