// The wait of in-process objects (pipes, eventfds, socketpairs): only this
// program changes them, so a blocked caller waits for another thread to
// wake the object (a -pthread build: the scheduler's park/wake hooks) or
// for a signal handler to run (the alarm, the one signal source); with
// neither possible it blocks for good, as Linux would.
#include <errno.h>
#include "wasip2_fd.h"

int __wasip2_inproc_wait(const void *obj, int64_t timeout_ns) {
  struct __wasip2_deadline d = WASIP2_DEADLINE(timeout_ns);
  for (;;) {
    int64_t end = __wasip2_deadline_at(&d);
    int64_t alarm = __wasip2_wait_hooks.signal_at ? (int64_t)__wasip2_wait_hooks.signal_at() : 0;
    int64_t now = alarm || end != WASIP2_NEVER ? (int64_t)__wasip2_now_ns() : 0;
    if (alarm && now >= alarm) {
      int r = __wasip2_wait_hooks.safepoint();
      if (r != 0) { errno = EINTR; return -1; }
      continue;
    }
    if (end != WASIP2_NEVER && now >= end) { errno = EAGAIN; return -1; }
    int64_t wake = alarm && alarm < end ? alarm : end;
    if (__wasip2_wait_hooks.park && __wasip2_wait_hooks.others && __wasip2_wait_hooks.others()) {
      if (__wasip2_wait_hooks.park(obj, wake) == 0) return 0;  // woken: the caller re-checks
      continue;
    }
    // Nothing but the alarm (or the timeout) can end this wait: sleep to it,
    // in long slices when there is neither.
    if (wake == WASIP2_NEVER) wake = (int64_t)__wasip2_now_ns() + 3600LL * 1000000000;
    // (the host poll, not a sleep: a sleep would run the safe point itself)
    __wasip2_host_poll(0, 0, 0, wake);
  }
}

void __wasip2_inproc_wake(const void *obj) {
  __wasip2_inproc_epoch++;
  if (__wasip2_wait_hooks.wake) {
    __wasip2_wait_hooks.wake(obj);
    __wasip2_wait_hooks.wake(&__wasip2_inproc_epoch);  // parked in poll() & co.
  }
}
