// The hooks the layers above register with the wait core (see
// wasip2_wait.h), and the questions answered from them alone.  Kept apart
// from the waits, so the stream paths can ask "must this read poll?" of
// every program and link the waits only where a hook makes them needed.
#include "wasip2_wait.h"

struct __wasip2_wait_hooks __wasip2_wait_hooks;
unsigned __wasip2_inproc_epoch;

int __wasip2_alarm_armed(void) {
  return __wasip2_wait_hooks.signal_at && __wasip2_wait_hooks.signal_at() != 0;
}

int __wasip2_wait_cut_short(void) {
  return __wasip2_alarm_armed() || __wasip2_wait_hooks.signal_wake ||
         (__wasip2_wait_hooks.others && __wasip2_wait_hooks.others());
}

int __wasip2_wait_must_poll(void) {
  return __wasip2_wait_cut_short() || (__wasip2_wait_hooks.work_slice && __wasip2_wait_hooks.work_slice() != 0);
}
