// Signals per thread in -pthread builds.  src/signal keeps one mask and one
// pending set (plain globals); here they become the running thread's: the
// scheduler saves them into the thread it leaves and loads the next one's,
// as it does errno.  So sigprocmask/pthread_sigmask change the calling
// thread's mask, and what a thread has pending is its own signals plus the
// process's.  A process signal (kill, an alarm) that the running thread
// blocks stays the process's and goes, at a switch, to the next thread that
// does not block it.  pthread_kill to another thread marks the signal
// pending on it; the handler runs in that thread when it next runs (after
// its wait ends: waits are not interrupted), never in the sender.
//
// The signal state is reached by weak references: a program that never
// sends or handles a signal links none of src/signal.
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include "wasip2_signal.h"
#include "wasip2_thread.h"
#include "wasip2_wait.h"

// weak references to what wasip2_signal.h declares
#pragma weak __wasip2_sig_blocked
#pragma weak __wasip2_sig_pending
#pragma weak __wasip2_sig_generate
#pragma weak __wasip2_sig_flush
#pragma weak __wasip2_sig_handled

static uint64_t process_pending;  // the process's, while no thread has them loaded

// A new thread starts with its creator's mask and nothing pending.
void __wasip2_thread_sig_inherit(struct __pthread *t) {
  if (&__wasip2_sig_blocked) t->sig_blocked = __wasip2_sig_blocked;
}

// The scheduler hands the wasm thread from prev to next.
void __wasip2_thread_sig_switch(struct __pthread *prev, struct __pthread *next) {
  if (!&__wasip2_sig_pending) return;
  uint64_t g = __wasip2_sig_pending;
  prev->sig_own &= g;  // its own signals still pending (blocked)
  process_pending = g & ~prev->sig_own;
  prev->sig_blocked = __wasip2_sig_blocked;
  __wasip2_sig_blocked = next->sig_blocked;
  // "a handler ran meanwhile" (sigsuspend, pause, interrupted sleeps) means
  // in this thread: the count is per thread too
  if (&__wasip2_sig_handled) {
    prev->sig_handled = __wasip2_sig_handled;
    __wasip2_sig_handled = next->sig_handled;
  }
  __wasip2_sig_pending = process_pending | next->sig_own;
}

// In the thread that runs again: deliver what it has pending and does not
// block -- its own signals (sent by pthread_kill while it waited) and the
// process's.
void __wasip2_thread_sig_arrive(void) {
  if (!&__wasip2_sig_pending || !(__wasip2_sig_pending & ~__wasip2_sig_blocked)) return;
  struct __pthread *self = __wasip2_current;
  uint64_t mine;
  while ((mine = self->sig_own & __wasip2_sig_pending & ~__wasip2_sig_blocked) != 0) {
    int sig = __builtin_ctzll(mine) + 1;
    self->sig_own &= ~WASIP2_SIGBIT(sig);
    __wasip2_sig_pending &= ~WASIP2_SIGBIT(sig);
    __wasip2_sig_generate(sig, SI_TKILL);  // delivered now, with its code
  }
  __wasip2_sig_flush(0);
}

int pthread_kill(pthread_t t, int sig) {
  if (sig < 0 || sig >= _NSIG) return EINVAL;
  if (!__wasip2_thread_valid(t)) return ESRCH;
  // A finished thread not yet joined still exists; the signal has no
  // effect (glibc since 2.34 does the same).
  if (!sig || t->state == __WASIP2_DONE) return 0;
  if (t == __wasip2_current) {
    // Delivered at once unless blocked; if blocked it stays this thread's.
    t->sig_own |= WASIP2_SIGBIT(sig);
    __wasip2_sig_generate(sig, SI_TKILL);
    t->sig_own &= __wasip2_sig_pending;
    return 0;
  }
  t->sig_own |= WASIP2_SIGBIT(sig);
  // a thread waiting for a signal (sigsuspend, sigwait) looks again
  if (&__wasip2_sig_handled && __wasip2_wait_hooks.wake) __wasip2_wait_hooks.wake(WASIP2_SIG_TOKEN);
  return 0;
}
