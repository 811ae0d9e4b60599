// clock_nanosleep(2): one monotonic-clock pollable, blocked on, dropped.
// Absolute REALTIME sleeps are converted to a duration from now.
// (nanosleep, usleep and sleep in the top half call this.)
//
// Signals: the only signal that can arrive while we block is the alarm
// (src/signal/alarm.c), which fires at safe points.  When an alarm is armed,
// the sleep stops at its deadline, runs the safe point, and if a handler ran
// returns EINTR with the time left in *rem (relative sleeps), as POSIX says;
// SA_RESTART does not restart sleeps (Linux agrees).  An ignored alarm lets
// the sleep go on.  The references are weak: alarm.o is linked only by
// programs that can arm an alarm, and without it there is no deadline, so a
// plain sleep costs no extra host call.
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include "wasip2_fd.h"

uint64_t __wasip2_signal_deadline(void) __attribute__((weak));
int __wasip2_signal_safepoint(void) __attribute__((weak));
// Handler-run counter of src/signal/sigaction.c (linked whenever alarm.o is).
extern unsigned __wasip2_sig_handled __attribute__((weak));

// The sleep of a -pthread build (src/thread/coop/sched.c), which lets the
// other threads run meanwhile; absent (null) otherwise.
void __wasip2_thread_sleep_for(uint64_t ns) __attribute__((weak));

static void block_for(uint64_t ns) {
  if (__wasip2_thread_sleep_for) {
    __wasip2_thread_sleep_for(ns);
    return;
  }
  // Durations, not instants: the Node host mishandles subscribe-instant
  // (see src/signal/alarm.c).
  wasi_io_poll_pollable_t p = wasi_clocks_monotonic_clock_subscribe_duration(ns);
  wasi_io_poll_pollable_block(p);
  wasi_io_poll_pollable_drop(p);
}

int clock_nanosleep(clockid_t id, int flags, const struct timespec *req, struct timespec *rem) {
  if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0) return EINVAL;
  if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC) return id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID ? ENOTSUP : EINVAL;
  uint64_t ns = (uint64_t)req->tv_sec * 1000000000u + req->tv_nsec;
  uint64_t alarm_at = __wasip2_signal_deadline && &__wasip2_sig_handled ? __wasip2_signal_deadline() : 0;

  if (!alarm_at) {
    // Nothing can interrupt us: sleep in one go, as few host calls as possible.
    if (!(flags & TIMER_ABSTIME)) {
      block_for(ns);
    } else if (id == CLOCK_MONOTONIC) {
      uint64_t now = wasi_clocks_monotonic_clock_now();
      if (ns > now) block_for(ns - now);
    } else {
      struct timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      uint64_t n = (uint64_t)now.tv_sec * 1000000000u + now.tv_nsec;
      if (ns > n) block_for(ns - n);
    }
    return 0;
  }

  // An alarm is armed: work on the monotonic clock with an end instant.
  uint64_t now = wasi_clocks_monotonic_clock_now(), end;
  if (!(flags & TIMER_ABSTIME)) {
    end = now + ns;
  } else if (id == CLOCK_MONOTONIC) {
    end = ns;
  } else {
    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    uint64_t n = (uint64_t)rt.tv_sec * 1000000000u + rt.tv_nsec;
    end = now + (ns > n ? ns - n : 0);
  }
  for (;;) {
    alarm_at = __wasip2_signal_deadline();
    if (alarm_at && now >= alarm_at) {
      // The alarm is due (perhaps since before we were called).  Its
      // handler runs as the safe point generates it, so "a handler ran" is
      // read from the counter; the safe point's own answer covers only
      // signals it flushed from the pending set.
      unsigned before = __wasip2_sig_handled;
      if (__wasip2_signal_safepoint() != 0 || __wasip2_sig_handled != before) {
        if (rem && !(flags & TIMER_ABSTIME)) {
          uint64_t left = end > now ? end - now : 0;
          rem->tv_sec = (time_t)(left / 1000000000u);
          rem->tv_nsec = (long)(left % 1000000000u);
        }
        return EINTR;
      }
      // Ignored, or it did nothing visible: keep sleeping (the deadline
      // moved on or was disarmed).
      alarm_at = __wasip2_signal_deadline();
    }
    if (now >= end) return 0;
    uint64_t wake = alarm_at && alarm_at < end ? alarm_at : end;
    block_for(wake - now);
    now = wasi_clocks_monotonic_clock_now();
  }
}
