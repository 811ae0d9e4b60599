// __wasilibc_futex_wait/__wasilibc_futex_wake (upstream wasi-libc's futex
// API, <wasi/libc.h>).  With -pthread (WASIP2_COOP) a waiter parks on the
// address in the cooperative scheduler and a wake makes it runnable, first
// parked first.  Without it there is no other thread: a timed wait sleeps
// to its deadline (alarm handlers run meanwhile) and times out, an untimed
// one fails at once with -EDEADLK instead of hanging, and a wake finds
// nobody.  Errors are negated errno values, as upstream returns them.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <time.h>
#include <wasi/libc.h>
#include "wasip2_runtime.h"
#include "wasip2_thread.h"

#define NS 1000000000LL

// The absolute time on `clock` the wait ends at, in *abs; 0 or -EINVAL.
static int end_time(clockid_t clock, const struct timespec *at, unsigned flags, struct timespec *abs) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return -EINVAL;
  if (at->tv_nsec < 0 || at->tv_nsec >= NS) return -EINVAL;
  if (flags & __WASILIBC_FUTEX_TIMESPEC_ABSOLUTE) { *abs = *at; return 0; }
  if (at->tv_sec < 0) return -EINVAL;
  struct timespec now;
  clock_gettime(clock, &now);
  long long ns = now.tv_nsec + at->tv_nsec;
  abs->tv_sec = now.tv_sec + at->tv_sec + ns / NS;
  abs->tv_nsec = ns % NS;
  return 0;
}

int __wasilibc_futex_wait(volatile int *addr, int val, clockid_t clock, const struct timespec *at, unsigned flags) {
  if (flags & ~(unsigned)__WASILIBC_FUTEX_TIMESPEC_ABSOLUTE) return -EINVAL;
  if (!addr || ((uintptr_t)addr & 3)) return -EINVAL;
  struct timespec abs;
  int e = at ? end_time(clock, at, flags, &abs) : 0;
  if (e) return e;
  if (*addr != val) return -EWOULDBLOCK;
#ifdef WASIP2_COOP
  unsigned long long deadline = 0;
  if (at) {
    deadline = __wasip2_thread_deadline(clock, &abs);
    if (deadline <= __wasip2_now_ns()) return -ETIMEDOUT;
  }
  int r = __wasip2_thread_wait((const void *)addr, deadline);
  return r ? -r : 0;
#else
  if (!at) return -EDEADLK;
  int r = __wasip2_thread_sleep_until(clock, &abs);
  return r == ETIMEDOUT ? -ETIMEDOUT : -r;
#endif
}

int __wasilibc_futex_wake(volatile int *addr, int count, unsigned flags) {
  if (flags & ~(unsigned)__WASILIBC_FUTEX_YIELD) return -EINVAL;
  if (count < 0 && count != __WASILIBC_FUTEX_WAKE_ALL) return -EINVAL;
#ifdef WASIP2_COOP
  int n = __wasip2_thread_wake((const void *)addr, count < 0 ? INT_MAX : count);
  if (n && (flags & __WASILIBC_FUTEX_YIELD)) __wasip2_thread_yield();
  return n;
#else
  (void)addr;
  return 0;
#endif
}
