// The wait core (src/wait): deadlines, the cached always-ready and timer
// pollables, sleeps, and the one wasi:io/poll.poll call every blocking path
// of libc waits in.  It sits just above the runtime and names nothing above
// it: signals, lingering TCP closes and the -pthread scheduler register
// hooks here (struct __wasip2_wait_hooks) from the code that needs them,
// so a program that arms no alarm, opens no socket and starts no thread
// links none of that code and waits exactly as cheaply as before.
#ifndef WASIP2_WAIT_H
#define WASIP2_WAIT_H

#include <stdint.h>
#include "wasip2_bindings.h"

struct timespec;

// ---- deadlines (src/wait/deadline.c)
// A wait's end: `timeout` ns from the first look at the clock (<0 never,
// 0 just look).  The instant is fixed lazily, so a call that is served at
// once never reads the clock.
struct __wasip2_deadline {
  int64_t timeout;
  int64_t at;  // absolute monotonic ns once fixed, else -1
};
#define WASIP2_DEADLINE(timeout_ns) ((struct __wasip2_deadline){(timeout_ns), -1})
#define WASIP2_NEVER INT64_MAX
// ns left (<0 never, 0 when passed), fixing the instant on first use.
int64_t __wasip2_deadline_left(struct __wasip2_deadline *d);
// The absolute instant (WASIP2_NEVER for none; 0 for "just look").
int64_t __wasip2_deadline_at(struct __wasip2_deadline *d);
// A relative timespec as ns (NULL: -1, forever); -1 with EINVAL when
// malformed.  Huge values saturate.
int __wasip2_timeout_ts(const struct timespec *ts, int64_t *ns);
// A socket option's timeout (0: none) as a wait timeout (-1: forever).
static inline int64_t __wasip2_timeout_opt(int64_t ns) { return ns ? ns : -1; }

// ---- hooks (src/wait/hooks.c): what the core asks the layers above
struct __wasip2_wait_hooks {
  // Signals (src/signal/alarm.c, set when an alarm is first armed):
  // the monotonic instant of the next signal (0: none), and the safe point
  // that delivers it: 0 no handler ran, 1 handlers ran and all had
  // SA_RESTART, -1 the caller should fail with EINTR.
  uint64_t (*signal_at)(void);
  int (*safepoint)(void);
  // Signals from outside (src/signal/external.c, set when the host first
  // catches one for us): a pollable every wait adds to its list (ready
  // when a signal arrived), and what to do when it fired (collect them,
  // returning how many: signal_at then answers "now" until the safe point
  // ran).
  wasi_io_poll_pollable_t (*signal_wake)(void);
  int (*signal_collect)(void);
  // Background work that needs libc to look now and then although the
  // host signals nothing (src/net/tcp_linger.c, set when a close first
  // lingers): ns until it wants a look (0: nothing pending), and the look.
  int64_t (*work_slice)(void);
  void (*work_run)(void);
  // The -pthread scheduler (src/thread/coop/wait_io.c, set when the first
  // thread is created).  others: another thread may still run.  block:
  // park the caller until one of ps[0..n) fires (fired[i] = 1) or the
  // deadline (absolute monotonic ns, WASIP2_NEVER none) passes while the
  // others run; returns how many fired, or -1 when there is no other
  // thread (the core then waits itself).  park/wake: the same for an
  // in-process object (a pipe, an eventfd) another thread may change.
  int (*others)(void);
  int (*block)(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t deadline);
  int (*park)(const void *obj, int64_t deadline);
  void (*wake)(const void *obj);
};
extern struct __wasip2_wait_hooks __wasip2_wait_hooks;

// ---- the host poll (src/wait/host_poll.c)
// THE wasi:io/poll.poll call: ps[0..n) plus a timer for `deadline`
// (absolute monotonic ns; <= now, e.g. 0: the always-ready pollable, so the
// host only reports what is ready; WASIP2_NEVER: no timer) plus the
// pending-work slice; runs the pending work after.  Sets fired[i] for each
// pollable that fired and returns how many did.  Never parks the thread
// (the scheduler itself calls this).
int __wasip2_host_poll(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t deadline);
// Make-or-reuse the cached pollables (dropped at exit).
wasi_io_poll_pollable_t __wasip2_always_ready(void);
// A timer firing at `deadline` or earlier (callers re-check the time).
wasi_io_poll_pollable_t __wasip2_timer(int64_t deadline, int64_t now);

// ---- waits (src/wait/wait.c)
// What a wait does when a signal handler runs during it:
#define WASIP2_WAIT_NOINTR  0  // go on waiting (bind, listen, name lookup)
#define WASIP2_WAIT_RESTART 1  // go on if the handler had SA_RESTART, else EINTR
#define WASIP2_WAIT_EINTR   2  // fail with EINTR (poll, select, sleeps, socket timeouts)
// Or'ed into a mode: also return -2 when an in-process object (pipe,
// eventfd, socketpair) changed meanwhile, so poll() scans its fds again.
#define WASIP2_WAIT_INPROC  4
// Or'ed into a mode: also end (-1, EINTR) when a signal from outside was
// collected, whether or not a handler ran (sigsuspend, sigwait).
#define WASIP2_WAIT_SIGNAL  8
// Wait for ps[0..n) (n may be 0: a sleep) until the deadline: the
// thread parks while others run, the signal deadline wakes it for the safe
// point.  fired[i] is set for each that fired.  Returns how many fired
// (ready wins over a handler's EINTR, as on Linux), 0 at the deadline, -1
// with EINTR (or -2, see WASIP2_WAIT_INPROC).
int __wasip2_wait_set(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired,
                      struct __wasip2_deadline *d, int mode);
// One pollable, or the first of np (<= 16); timeout_ns <0 forever, 0 look.
// 1 when ready, 0 on timeout, -1 with EINTR.
int __wasip2_wait_ex(wasi_io_poll_pollable_t p, int64_t timeout_ns, int mode);
int __wasip2_wait_any(const wasi_io_poll_pollable_t *ps, int np, int64_t timeout_ns, int mode);
// The socket-call rule (signal(7)): RESTART waiting forever, EINTR with a
// timeout (SO_RCVTIMEO/SO_SNDTIMEO).
int __wasip2_wait(wasi_io_poll_pollable_t p, int64_t timeout_ns);
// Nonzero when a blocking call must not sit in one blocking host call:
// a signal may have to interrupt it, background work needs looks, or other
// threads must run meanwhile.  No host call.
int __wasip2_wait_must_poll(void);
// The same without the background work: a signal or another thread may
// need the call back before the host would end it (blocking writes).
int __wasip2_wait_cut_short(void);
// Nonzero when an alarm is armed.  No host call.
int __wasip2_alarm_armed(void);

// ---- sleeps (src/wait/sleep.c): 0 when done, -1 with EINTR per `mode`.
int __wasip2_sleep(int64_t ns, int mode);
int __wasip2_sleep_until(int64_t end, int mode);  // monotonic ns
// A plain sleep of ns (nothing happens if <= 0): one duration pollable
// blocked on and dropped, which every host handles (the Node host has
// mishandled subscribe-instant in sleeps, docs/compatibility.md).
static inline void __wasip2_block_ns(int64_t ns) {
  if (ns <= 0) return;
  wasi_io_poll_pollable_t t = wasi_clocks_monotonic_clock_subscribe_duration((uint64_t)ns);
  wasi_io_poll_pollable_block(t);
  wasi_io_poll_pollable_drop(t);
}

// ---- in-process objects (src/wait/inproc.c): pipes, eventfds,
// socketpairs change only by this program: wait until another thread
// wakes obj (0; the caller re-checks) or a signal handler has run (-1,
// EINTR); with neither possible, block for good as Linux would.  A
// timeout ns >= 0 ends the wait with -1/EAGAIN.  wake: after changing obj.
// Every wake also bumps the epoch (src/wait/hooks.c) and wakes the threads
// parked in the core's waits, which a WASIP2_WAIT_INPROC wait then ends.
int __wasip2_inproc_wait(const void *obj, int64_t timeout_ns);
void __wasip2_inproc_wake(const void *obj);
extern unsigned __wasip2_inproc_epoch;

// ---- poll() over pollables (src/wait/poll_ctx.c): what a kind's
// ops->poll registers, gathered for one wait.
struct __wasip2_poll_ent {
  wasi_io_poll_pollable_t p;
  int idx;         // the pollfd it belongs to
  short revents;   // what the pollfd gets when it fires
  unsigned char recheck; // when it fires, ask the kind again (poll_ctx.recheck)
};

struct __wasip2_poll_ctx {
  int cur;       // index of the pollfd being evaluated
  int recheck;   // 1 during the post-fire pass: work out the real events
                 // with host calls (a finished connect) and register nothing
  int n, cap;
  struct __wasip2_poll_ent *ents;
  struct __wasip2_poll_ent small[16];
};

// Wait on pollable p for the current pollfd; when it fires, the pollfd
// gets `revents`.  The pollable stays owned by the caller.
void __wasip2_poll_add(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents);
// The same, but when p fires the kind's ops->poll runs again (recheck).
void __wasip2_poll_add_recheck(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents);
void __wasip2_poll_ctx_init(struct __wasip2_poll_ctx *ctx);
void __wasip2_poll_ctx_free(struct __wasip2_poll_ctx *ctx);

#endif
