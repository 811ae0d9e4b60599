// Signals from outside the sandbox (kill -TERM, Ctrl-C), on hosts that can
// deliver them.  WASI 0.2.0 has no interface for signals, so the request
// rides on one every host has: monotonic-clock subscribe-duration with
// reserved durations (WASIP2_SIGEXT_BASE + k, wasip2_signal.h).  wasip2-run
// answers them (tools/lib/signals.mjs); any other host sees timers about 25
// days away, the probe is not ready there, and nothing more is asked: such
// hosts keep their own behaviour (the signal ends the host process).
//
// A signal is caught only while the program asked for it: a handler or
// SIG_IGN installed, or the signal blocked (sigwait).  With SIG_DFL and
// unblocked, the host's default action applies unchanged (the process dies
// of it, status 128 + sig).  Caught signals are collected at the next wait
// (every wait then includes the wake pollable) and delivered by its safe
// point: the wait returns EINTR or goes on per SA_RESTART, as on Linux.
#include <signal.h>
#include "wasip2_bindings.h"
#include "wasip2_runtime.h"
#include "wasip2_signal.h"
#include "wasip2_wait.h"

uint64_t __wasip2_sig_arrived;
unsigned __wasip2_sig_arrivals;

// Signals a program may get from outside and handle.
static const int watchable[] = {SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGCHLD, SIGWINCH};
#define NWATCH (int)(sizeof watchable / sizeof watchable[0])

static int support;  // 0 not asked yet, 1 the host delivers, -1 it does not
static wasi_io_poll_pollable_t wake;
static wasi_io_poll_pollable_t caught[NWATCH];

static wasi_io_poll_pollable_t request(unsigned k) {
  return wasi_clocks_monotonic_clock_subscribe_duration(WASIP2_SIGEXT_BASE + k);
}

static wasi_io_poll_pollable_t wake_pollable(void) {
  return wake;
}

static int collect(void) {
  int n = 0;
  for (int i = 0; i < NWATCH; i++)
    if (caught[i] && wasi_io_poll_pollable_ready(caught[i])) {
      __wasip2_sig_arrived |= WASIP2_SIGBIT(watchable[i]);
      __wasip2_sig_arrivals++;
      n++;
    }
  return n;
}

void __wasip2_sigext_generate(void) {
  while (__wasip2_sig_arrived) {
    int sig = __builtin_ctzll(__wasip2_sig_arrived) + 1;
    __wasip2_sig_arrived &= ~WASIP2_SIGBIT(sig);
    __wasip2_sig_generate(sig, SI_USER);
  }
}

static void drop_all(void) {
  for (int i = 0; i < NWATCH; i++)
    if (caught[i]) { wasi_io_poll_pollable_drop(caught[i]); caught[i] = 0; }
  if (wake) { wasi_io_poll_pollable_drop(wake); wake = 0; }
  __wasip2_wait_hooks.signal_wake = 0;
}

// One probe per program: does this host answer the requests?
static int supported(void) {
  if (support) return support > 0;
  wasi_io_poll_pollable_t p = request(0);
  support = wasi_io_poll_pollable_ready(p) ? 1 : -1;
  wasi_io_poll_pollable_drop(p);
  if (support > 0) {
    wake = request(WASIP2_SIGEXT_WAKE);
    __wasip2_on_exit(drop_all);
    __wasip2_wait_hooks.signal_at = __wasip2_signal_deadline;
    __wasip2_wait_hooks.safepoint = __wasip2_signal_safepoint;
    __wasip2_wait_hooks.signal_collect = collect;
    __wasip2_wait_hooks.signal_wake = wake_pollable;
  }
  return support > 0;
}

void __wasip2_sigext_want(int sig) {
  int i = 0;
  while (i < NWATCH && watchable[i] != sig) i++;
  if (i == NWATCH || support < 0) return;
  struct sigaction sa;
  sigaction(sig, NULL, &sa);
  int want = sa.sa_handler != SIG_DFL || (__wasip2_sig_blocked & WASIP2_SIGBIT(sig));
  if (want == (caught[i] != 0)) return;
  if (!want) {
    // what arrived meanwhile is still collected and acted on
    if (wasi_io_poll_pollable_ready(caught[i])) __wasip2_sig_arrived |= WASIP2_SIGBIT(sig);
    wasi_io_poll_pollable_drop(caught[i]);
    caught[i] = 0;
    return;
  }
  if (!supported()) return;
  caught[i] = request((unsigned)sig);
}
