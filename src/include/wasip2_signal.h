// In-process signal state shared by src/signal (and the safe-point hooks
// other areas call).  Signals are only ever generated synchronously (raise,
// kill to ourselves, an expired alarm or a signal from outside noticed at a
// safe point), so plain globals suffice: there is no asynchronous delivery
// to race with.
#ifndef WASIP2_SIGNAL_H
#define WASIP2_SIGNAL_H

#include <signal.h>
#include <stdint.h>

// Bit (sig - 1) of a 64-bit word stands for signal sig (1..64).
#define WASIP2_SIGBIT(sig) ((uint64_t)1 << ((sig) - 1))

extern uint64_t __wasip2_sig_blocked;
extern uint64_t __wasip2_sig_pending;
// Count of handler invocations (so a waiter can tell one ran meanwhile).
extern unsigned __wasip2_sig_handled;
// What a thread waiting for a signal (sigsuspend, pause, sigwait) parks on
// in -pthread builds (the wait core's park/wake hooks): an address only.
#define WASIP2_SIG_TOKEN ((const void *)&__wasip2_sig_handled)

// Generate sig for this process: deliver now if unblocked (running the
// handler or the default action), else mark it pending.
void __wasip2_sig_generate(int sig, int code);
// Deliver every pending signal the current mask allows; returns how many
// handlers ran, and sets *restart to 0 if one of them lacked SA_RESTART.
int __wasip2_sig_flush(int *restart);

// Signals from outside (src/signal/external.c).  A host that delivers them
// answers requests made as monotonic-clock durations BASE + k (about 24.85
// days: on other hosts plain timers that never fire before they are
// dropped): k = 0 probes, k = sig catches sig while that pollable lives
// (ready() = it arrived), k = 65 is the wake pollable every wait includes.
#define WASIP2_SIGEXT_BASE 2147000000000000ull
#define WASIP2_SIGEXT_WAKE 65
// Signals the host reported and no safe point has generated yet.
extern uint64_t __wasip2_sig_arrived;
// Bumped whenever a signal from outside is collected (sigsuspend/sigwait).
extern unsigned __wasip2_sig_arrivals;
// Recompute whether sig must be caught by the host (a handler or SIG_IGN
// installed, or sig blocked); called by sigaction and sigprocmask.
void __wasip2_sigext_want(int sig);
// Turn the arrived set into generated signals (delivered or pending).
void __wasip2_sigext_generate(void);

// Conversions between sigset_t and the 64-bit form.
uint64_t __wasip2_sigset_bits(const sigset_t *set);
void __wasip2_sigset_from_bits(sigset_t *set, uint64_t bits);

// Safe points (for sleep/poll/read loops in other areas): fire an expired
// alarm and deliver what is pending.  Returns 0 if no handler ran, 1 if
// handlers ran and all had SA_RESTART, -1 if the caller should fail with
// EINTR.
int __wasip2_signal_safepoint(void);
// Monotonic-clock instant (ns) at which the alarm fires, 0 if none: a
// blocking wait should not sleep past it.
uint64_t __wasip2_signal_deadline(void);
// Block until the alarm fires (then fire it) or forever if there is none.
void __wasip2_sig_wait_alarm(void);

#endif
