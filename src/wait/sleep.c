// Sleeps: nanosleep, sleep, usleep and clock_nanosleep (src/time), the
// socketpair and UDP back-off all end here.  With no hook registered (no
// alarm armed, no other thread) a sleep is one duration pollable blocked
// on and dropped; otherwise it is a wait with no pollable until the
// instant, so the alarm's handler runs on time, other threads run and
// lingering closes are reaped.
#include "wasip2_fd.h"

static int plain(void) {
  return !__wasip2_wait_hooks.signal_at && !__wasip2_wait_hooks.block &&
         !(__wasip2_wait_hooks.work_slice && __wasip2_wait_hooks.work_slice());
}

int __wasip2_sleep_until(int64_t end, int mode) {
  if (plain()) {
    __wasip2_block_ns(end - (int64_t)__wasip2_now_ns());
    return 0;
  }
  struct __wasip2_deadline d = {1, end > 0 ? end : 1};
  return __wasip2_wait_set(0, 0, 0, &d, mode) < 0 ? -1 : 0;
}

int __wasip2_sleep(int64_t ns, int mode) {
  if (ns <= 0) return 0;
  if (plain()) {
    __wasip2_block_ns(ns);
    return 0;
  }
  struct __wasip2_deadline d = WASIP2_DEADLINE(ns);
  return __wasip2_wait_set(0, 0, 0, &d, mode) < 0 ? -1 : 0;
}
