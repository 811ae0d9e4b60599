// Waiting for pollables until a deadline, the one loop every blocking call
// of libc goes through (sockets, streams, poll/select/epoll, sleeps).
//
// Signals: the alarm (src/signal/alarm.c registers signal_at and
// safepoint) and, on hosts that deliver them, signals from outside
// (src/signal/external.c adds signal_wake: a pollable every wait includes,
// ready when one arrived).  A wait wakes at the alarm's instant or when a
// signal arrived and runs the safe point; if a handler ran, the wait fails with EINTR or goes on, as
// `mode` and the handler's SA_RESTART say; pollables that fired win over
// EINTR, as on Linux.  Threads: when the scheduler registered `block`, the
// thread parks with its pollables and deadline and the others run; the
// scheduler makes the host poll for all of them (src/thread/coop/wait_io.c);
// a change to an in-process object also wakes it (WASIP2_WAIT_INPROC).
#include <errno.h>
#include <string.h>
#include "wasip2_fd.h"

// The safe point is due: run it.  1 when the caller must stop with EINTR
// under `mode`, 0 to go on waiting.
static int interrupted(int mode) {
  int r = __wasip2_wait_hooks.safepoint();
  mode &= 3;
  if (r == 0 || mode == WASIP2_WAIT_NOINTR) return 0;
  if (r > 0 && mode == WASIP2_WAIT_RESTART) return 0;
  errno = EINTR;
  return 1;
}

static int64_t signal_at(void) {
  return __wasip2_wait_hooks.signal_at ? (int64_t)__wasip2_wait_hooks.signal_at() : 0;
}

// One wait until `wake`: parked (threads) or the host poll.
static int wait_once(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t wake) {
  if (!n && wake == WASIP2_NEVER) {
    // nothing can end this wait but a signal: sleep in long slices
    wake = (int64_t)__wasip2_now_ns() + 3600LL * 1000000000;
  }
  if (__wasip2_wait_hooks.block && wake != 0) {
    int r = __wasip2_wait_hooks.block(ps, n, fired, wake);
    if (r >= 0) return r;
  }
  if (!n && wake != 0 && !(__wasip2_wait_hooks.work_slice && __wasip2_wait_hooks.work_slice())) {
    __wasip2_block_ns(wake - (int64_t)__wasip2_now_ns());  // a plain sleep
    return 0;
  }
  return __wasip2_host_poll(ps, n, fired, wake);
}

// wait_once, with the signal wake pollable (when signals from outside are
// caught) added to the list; *arrived is set when it fired and signals
// were collected.
static int wait_once_sig(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t wake,
                         int *arrived) {
  wasi_io_poll_pollable_t w = __wasip2_wait_hooks.signal_wake ? __wasip2_wait_hooks.signal_wake() : 0;
  if (!w) return wait_once(ps, n, fired, wake);
  wasi_io_poll_pollable_t small[33];
  unsigned char fsmall[33];
  wasi_io_poll_pollable_t *list = n < 33 ? small : __wasip2_malloc((size_t)(n + 1) * sizeof *list);
  unsigned char *f = n < 33 ? fsmall : __wasip2_malloc((size_t)n + 1);
  if (!list || !f) {
    if (list != small) __wasip2_free(list);
    if (f != fsmall) __wasip2_free(f);
    return wait_once(ps, n, fired, wake);
  }
  for (int i = 0; i < n; i++) { list[i] = ps[i]; f[i] = fired[i]; }
  list[n] = w;
  f[n] = 0;
  int got = wait_once(list, n + 1, f, wake);
  if (f[n]) {
    got--;
    if (__wasip2_wait_hooks.signal_collect() > 0) *arrived = 1;
  }
  for (int i = 0; i < n; i++) fired[i] = f[i];
  if (list != small) __wasip2_free(list);
  if (f != fsmall) __wasip2_free(f);
  return got;
}

int __wasip2_wait_set(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired,
                      struct __wasip2_deadline *d, int mode) {
  int64_t end = __wasip2_deadline_at(d);
  int timed = end != 0 && end != WASIP2_NEVER;
  unsigned epoch = __wasip2_inproc_epoch;
  int arrived = 0;
  if (!n && end == 0) return 0;
  for (;;) {
    int64_t alarm = signal_at();
    int64_t now = alarm || timed ? (int64_t)__wasip2_now_ns() : 0;
    if (alarm && now >= alarm) {
      if (interrupted(mode) || ((mode & WASIP2_WAIT_SIGNAL) && arrived && (errno = EINTR))) {
        // what is ready already wins over EINTR: one look first
        int got = n ? __wasip2_host_poll(ps, n, fired, 0) : 0;
        return got ? got : -1;
      }
      continue;  // ignored, blocked or restarting: the instant moved on or is gone
    }
    if (timed && now >= end) return 0;
    int64_t wake = alarm && alarm < end ? alarm : end;
    int got = wait_once_sig(ps, n, fired, wake, &arrived);
    if (got) {
      // a handler due meanwhile runs now, but what fired wins over EINTR
      alarm = signal_at();
      if (alarm && (int64_t)__wasip2_now_ns() >= alarm) interrupted(mode);
      return got;
    }
    if (end == 0) return 0;
    if ((mode & WASIP2_WAIT_INPROC) && __wasip2_inproc_epoch != epoch) return -2;
  }
}

int __wasip2_wait_any(const wasi_io_poll_pollable_t *ps, int np, int64_t timeout_ns, int mode) {
  unsigned char fired[16] = {0};
  if (np > 16) np = 16;  // callers wait on a socket and its dual-stack twin
  struct __wasip2_deadline d = WASIP2_DEADLINE(timeout_ns);
  int r = __wasip2_wait_set(ps, np, fired, &d, mode);
  return r > 0 ? 1 : r;
}

int __wasip2_wait_ex(wasi_io_poll_pollable_t p, int64_t timeout_ns, int mode) {
  return __wasip2_wait_any(&p, 1, timeout_ns, mode);
}

int __wasip2_wait(wasi_io_poll_pollable_t p, int64_t timeout_ns) {
  return __wasip2_wait_ex(p, timeout_ns, timeout_ns < 0 ? WASIP2_WAIT_RESTART : WASIP2_WAIT_EINTR);
}
