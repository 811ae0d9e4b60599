// alarm/ualarm/setitimer(ITIMER_REAL) on the monotonic clock.  Nothing can
// interrupt running wasm code, so an expired timer is noticed at safe
// points: our waits (pause, sigsuspend, sigwait*) and every wait of the
// wait core (src/wait), which calls the hooks registered at the first arming.  A busy loop
// that makes no such call never sees its alarm.  ITIMER_VIRTUAL/PROF would
// need CPU time we cannot measure: ENOSYS.
#include <errno.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>
#include "wasip2_bindings.h"
#include "wasip2_signal.h"
#include "wasip2_wait.h"

// An armed alarm makes blocking stream reads wait through the wait core,
// which they reference only weakly (src/io/stream_read.c): link it here.
__attribute__((used)) static int (*const pull_wait)(wasi_io_poll_pollable_t, int64_t, int) = __wasip2_wait_ex;

static uint64_t deadline;  // monotonic ns; 0 = disarmed
static uint64_t interval;  // ns; 0 = one-shot

static uint64_t now_ns(void) {
  return wasi_clocks_monotonic_clock_now();
}

// A signal from outside collected but not yet delivered is due now.
uint64_t __wasip2_signal_deadline(void) {
  return __wasip2_sig_arrived ? 1 : deadline;
}

// Returns 1 when the alarm fired (its handler, if any, has already run:
// generating a signal delivers it at once unless it is blocked).
static int fire_if_due(void) {
  if (!deadline) return 0;
  uint64_t now = now_ns();
  if (now < deadline) return 0;
  if (interval) {
    // Missed periods collapse into one signal, like an overrun on Linux.
    uint64_t missed = (now - deadline) / interval;
    deadline += (missed + 1) * interval;
  } else {
    deadline = 0;
  }
  __wasip2_sig_generate(SIGALRM, SI_TIMER);
  return 1;
}

// 0: no handler ran; 1: one ran and the interrupted call may restart; -1:
// one ran without SA_RESTART (the caller fails with EINTR).  Handlers run
// during fire_if_due, so "ran" is judged by the delivery count, not by
// what the flush below finds left.
int __wasip2_signal_safepoint(void) {
  unsigned before = __wasip2_sig_handled;
  int restart = 1;
  int fired = fire_if_due();
  uint64_t outside = __wasip2_sig_arrived & ~__wasip2_sig_blocked;
  if (__wasip2_sig_arrived) __wasip2_sigext_generate();
  __wasip2_sig_flush(&restart);
  if (__wasip2_sig_handled == before) return 0;
  struct sigaction sa;
  if (fired && sigaction(SIGALRM, NULL, &sa) == 0 && !(sa.sa_flags & SA_RESTART)) restart = 0;
  // the handlers of signals from outside ran as they were generated
  for (int sig = 1; outside; sig++, outside >>= 1)
    if ((outside & 1) && sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL &&
        sa.sa_handler != SIG_IGN && !(sa.sa_flags & SA_RESTART))
      restart = 0;
  return restart ? 1 : -1;
}

// A sleep of the wait core (with -pthread the other threads run
// meanwhile, and may arm the alarm).
void __wasip2_sig_wait_alarm(void) {
  // With other threads, one of them may send the signal (pthread_kill,
  // raise, kill): park on the signal token, which every signal generated
  // or sent to a thread wakes (src/signal/sigaction.c, src/thread/coop/
  // signal.c); the handler runs as the thread resumes and the caller
  // re-checks what it waits for.  When no thread could ever send one
  // (EDEADLK) or parking is impossible, wait as a lone thread would.
  if (__wasip2_wait_hooks.park && __wasip2_wait_hooks.others && __wasip2_wait_hooks.others()) {
    int r = __wasip2_wait_hooks.park(WASIP2_SIG_TOKEN, deadline ? (int64_t)deadline : WASIP2_NEVER);
    if (r == 0 || r == ETIMEDOUT) {
      fire_if_due();
      return;
    }
  }
  // Only a signal from outside can come (when the host delivers them,
  // the sleep includes its wake pollable): block, as Linux would.
  unsigned seen = __wasip2_sig_arrivals;
  while (!deadline) {
    __wasip2_sleep(3600LL * 1000000000, WASIP2_WAIT_NOINTR | WASIP2_WAIT_SIGNAL);
    if (__wasip2_sig_arrivals != seen) return;  // the safe point delivered it
  }
  // The core runs the safe point at the deadline (the hooks are set).
  __wasip2_sleep_until((int64_t)deadline, WASIP2_WAIT_NOINTR);
  fire_if_due();
}

static void to_tv(uint64_t ns, struct timeval *tv) {
  tv->tv_sec = (time_t)(ns / 1000000000u);
  tv->tv_usec = (suseconds_t)(ns % 1000000000u / 1000u);
}

static uint64_t from_tv(const struct timeval *tv) {
  return (uint64_t)tv->tv_sec * 1000000000u + (uint64_t)tv->tv_usec * 1000u;
}

int getitimer(int which, struct itimerval *cur) {
  if (which != ITIMER_REAL) {
    errno = (which == ITIMER_VIRTUAL || which == ITIMER_PROF) ? ENOSYS : EINVAL;
    return -1;
  }
  uint64_t now = now_ns();
  to_tv(deadline ? (deadline > now ? deadline - now : 1000) : 0, &cur->it_value);
  to_tv(interval, &cur->it_interval);
  return 0;
}

int setitimer(int which, const struct itimerval *restrict nv, struct itimerval *restrict old) {
  if (which != ITIMER_REAL) {
    errno = (which == ITIMER_VIRTUAL || which == ITIMER_PROF) ? ENOSYS : EINVAL;
    return -1;
  }
  if (nv->it_value.tv_usec < 0 || nv->it_value.tv_usec >= 1000000 || nv->it_value.tv_sec < 0 ||
      nv->it_interval.tv_usec < 0 || nv->it_interval.tv_usec >= 1000000 || nv->it_interval.tv_sec < 0) {
    errno = EINVAL;
    return -1;
  }
  if (old) getitimer(ITIMER_REAL, old);
  uint64_t v = from_tv(&nv->it_value);
  if (v && !__wasip2_wait_hooks.signal_at) {
    // from now on every wait of the core wakes for the alarm and runs it
    __wasip2_wait_hooks.signal_at = __wasip2_signal_deadline;
    __wasip2_wait_hooks.safepoint = __wasip2_signal_safepoint;
  }
  deadline = v ? now_ns() + v : 0;
  interval = v ? from_tv(&nv->it_interval) : 0;
  return 0;
}

unsigned alarm(unsigned seconds) {
  struct itimerval nv = {{0, 0}, {(time_t)seconds, 0}}, old;
  setitimer(ITIMER_REAL, &nv, &old);
  // Round up so a pending alarm never reports 0 seconds left.
  return (unsigned)old.it_value.tv_sec + (old.it_value.tv_usec > 0);
}

useconds_t ualarm(useconds_t value, useconds_t iv) {
  struct itimerval nv = {{iv / 1000000, iv % 1000000}, {value / 1000000, value % 1000000}}, old;
  setitimer(ITIMER_REAL, &nv, &old);
  return (useconds_t)(old.it_value.tv_sec * 1000000 + old.it_value.tv_usec);
}
