// poll(2) over every fd kind, and the waits the socket layer blocks in.
//
// One wasi:io/poll.poll host call waits for all fds: each kind's ops->poll
// reports what it already knows (no host call) or registers a pollable it
// keeps cached for its whole life.  When something is known ready, or the
// timeout is zero, an always-ready pollable is added so the host answers at
// once with every other ready index: a zero-timeout poll costs one call.
// A finite timeout first polls that way too (a busy loop never pays for a
// timer); only if nothing is ready does it arm a timer, reused while its
// deadline still falls within the new one.
//
// Signals: the only signal that can arrive during a wait is the alarm
// (src/signal/alarm.c), noticed at safe points.  Every wait here, when an
// alarm is armed, wakes at its deadline and runs the safe point; if a
// handler ran, poll/select fail with EINTR (Linux never restarts them) and
// the waits of blocking I/O fail with EINTR or keep waiting, as the
// handler's SA_RESTART says (see __wasip2_wait_ex).  The signal references
// are weak: a program that cannot arm an alarm links no signal code, and
// the wait paths then cost exactly the host calls they did before.
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

// the stdio streams' poll op lives apart (src/io/stdio_poll.c): link it
__attribute__((used)) static short (*const pull_stdio_poll)(struct __wasip2_desc *, short, struct __wasip2_poll_ctx *) = __wasip2_stdio_poll;

uint64_t __wasip2_signal_deadline(void) __attribute__((weak));
int __wasip2_signal_safepoint(void) __attribute__((weak));
// For ppoll/pselect's mask (src/signal/sigaction.c, sigset.c).
extern uint64_t __wasip2_sig_blocked __attribute__((weak));
extern unsigned __wasip2_sig_handled __attribute__((weak));
uint64_t __wasip2_sigset_bits(const sigset_t *set) __attribute__((weak));
int __wasip2_sig_flush(int *restart) __attribute__((weak));

// Lingering TCP closes (src/net/tcp_ops.c): closed connections whose last
// bytes are still in the host's buffer.  The host signals nothing when that
// buffer empties, so while any linger every host poll here also wakes
// after LINGER_SLICE_NS and lets tcp_ops re-check them; they complete while
// the program waits anyway (e.g. for the EOF their drop sends to a peer
// end it reads).  Weak: without sockets, or with nothing lingering, no cost.
#define LINGER_SLICE_NS (20 * 1000000)
extern int __wasip2_linger_n __attribute__((weak));
void __wasip2_linger_reap(void) __attribute__((weak));

static int linger_n(void) {
  return &__wasip2_linger_n ? __wasip2_linger_n : 0;
}

// Monotonic instant of the armed alarm, 0 if none (no host call).
static int64_t alarm_at(void) {
  return __wasip2_signal_deadline ? (int64_t)__wasip2_signal_deadline() : 0;
}

int __wasip2_alarm_armed(void) {
  return alarm_at() != 0;
}

// Other threads exist (a -pthread build, src/thread/coop/sched.c); absent
// (null) otherwise.
int __wasip2_thread_others(void) __attribute__((weak));

int __wasip2_wait_must_poll(void) {
  // With other threads, a blocking read must wait through __wasip2_wait,
  // where the others run, not in one blocking host call.
  return alarm_at() != 0 || linger_n() != 0 || (__wasip2_thread_others && __wasip2_thread_others());
}

// The alarm is due: run the safe point (its handler runs now).  Returns 1
// when the caller must stop with EINTR under `mode`, 0 to go on waiting.
static int interrupted(int mode) {
  int r = __wasip2_signal_safepoint();
  if (r == 0 || mode == WASIP2_WAIT_NOINTR) return 0;
  if (r > 0 && mode == WASIP2_WAIT_RESTART) return 0;
  errno = EINTR;
  return 1;
}

static wasi_io_poll_pollable_t always_ready;
static wasi_io_poll_pollable_t timer;
static int64_t timer_deadline;
static int hooked;

static void drop_cached(void) {
  if (always_ready) wasi_io_poll_pollable_drop(always_ready);
  if (timer) wasi_io_poll_pollable_drop(timer);
  always_ready = timer = 0;
}

static void hook(void) {
  if (!hooked) { hooked = 1; __wasip2_on_exit(drop_cached); }
}

static wasi_io_poll_pollable_t get_ready(void) {
  if (!always_ready) {
    hook();
    always_ready = wasi_clocks_monotonic_clock_subscribe_instant(0);
  }
  return always_ready;
}

// A pollable firing at `deadline` or earlier (the caller re-checks the time).
static wasi_io_poll_pollable_t get_timer(int64_t deadline, int64_t now) {
  if (timer && timer_deadline > now && timer_deadline <= deadline) return timer;
  hook();
  if (timer) wasi_io_poll_pollable_drop(timer);
  timer = wasi_clocks_monotonic_clock_subscribe_instant((uint64_t)deadline);
  timer_deadline = deadline;
  return timer;
}

void __wasip2_poll_add(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents) {
  if (!ctx || ctx->recheck) return;
  if (ctx->n == ctx->cap) {
    int cap = ctx->cap * 2;
    struct __wasip2_poll_ent *e = ctx->ents == ctx->small ? malloc(cap * sizeof *e)
                                                          : realloc(ctx->ents, cap * sizeof *e);
    if (!e) return; // the fd is then just not waited on; poll stays correct, less eager
    if (ctx->ents == ctx->small) memcpy(e, ctx->small, sizeof ctx->small);
    ctx->ents = e;
    ctx->cap = cap;
  }
  ctx->ents[ctx->n].p = p;
  ctx->ents[ctx->n].idx = ctx->cur;
  ctx->ents[ctx->n].revents = revents;
  ctx->n++;
}

// Host poll over ctx's pollables plus `extra`; fills ready[] with 1 for
// each entry that fired.  Returns 1 if `extra` fired.
static int host_poll(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t extra, unsigned char *fired) {
  int nl = linger_n() ? 1 : 0;
  int base = ctx->n + (extra ? 1 : 0);
  int n = base + nl;
  wasi_io_poll_pollable_t small[34];
  wasi_io_poll_pollable_t *list = n <= 34 ? small : malloc(n * sizeof *list);
  if (!list) return 0;
  for (int i = 0; i < ctx->n; i++) list[i] = ctx->ents[i].p;
  if (extra) list[ctx->n] = extra;
  wasi_io_poll_pollable_t slice = 0;
  if (nl) list[base] = slice = wasi_clocks_monotonic_clock_subscribe_duration(LINGER_SLICE_NS);
  wasip2_list_wasi_io_poll_pollable_t in = {list, (size_t)n};
  wasip2_list_u32_t out;
  wasi_io_poll_poll(&in, &out);
  int extra_fired = 0, mine = 0;
  for (size_t i = 0; i < out.len; i++) {
    uint32_t k = out.ptr[i];
    if (k < (uint32_t)ctx->n) fired[k] = mine = 1;
    else if (k < (uint32_t)base) extra_fired = 1;
  }
  if (out.len) free(out.ptr);
  if (list != small) free(list);
  if (slice) {
    wasi_io_poll_pollable_drop(slice);
    __wasip2_linger_reap();
    // Woken for the lingering only: a spurious wake of `extra`, so that
    // callers re-check their time and state, and wait again.
    if (!mine && extra) extra_fired = 1;
  }
  return extra_fired;
}

// In a -pthread build (src/thread/coop/sched.c): wait for p while the other
// threads run; 0 when there is no other thread (then block here).  Absent
// (null) otherwise.
int __wasip2_thread_block_on(wasi_io_poll_pollable_t p) __attribute__((weak));

static void block(wasi_io_poll_pollable_t p) {
  if (__wasip2_thread_block_on && __wasip2_thread_block_on(p)) return;
  wasi_io_poll_pollable_block(p);
}

int __wasip2_wait_ex(wasi_io_poll_pollable_t p, int64_t timeout_ns, int mode) {
  return __wasip2_wait_any(&p, 1, timeout_ns, mode);
}

int __wasip2_wait_any(const wasi_io_poll_pollable_t *ps, int np, int64_t timeout_ns, int mode) {
  int64_t alarm = alarm_at();
  if (np == 1 && timeout_ns < 0 && !alarm && !linger_n()) {
    // The common blocking case: one host call.
    block(ps[0]);
    return 1;
  }
  struct __wasip2_poll_ctx ctx = {0};
  ctx.ents = ctx.small;
  ctx.cap = 16;
  if (np > 16) np = 16; // callers wait on a socket and its dual-stack twin
  for (int i = 0; i < np; i++) __wasip2_poll_add(&ctx, ps[i], POLLIN);
  unsigned char fired[16] = {0};
#define ANY_FIRED() (memchr(fired, 1, np) != NULL)
  if (timeout_ns == 0) {
    host_poll(&ctx, get_ready(), fired);
    return ANY_FIRED();
  }
  int64_t now = (int64_t)__wasip2_now_ns();
  int64_t deadline = timeout_ns < 0 ? INT64_MAX : now + timeout_ns;
  for (;;) {
    if (alarm && now >= alarm) {
      if (interrupted(mode)) return -1;
      // ignored, blocked or restarting: the deadline moved on or is gone
      alarm = alarm_at();
      now = (int64_t)__wasip2_now_ns();
      continue;
    }
    int64_t wake = alarm && alarm < deadline ? alarm : deadline;
    if (wake == INT64_MAX) {
      // no alarm, no timeout: the plain block once nothing lingers
      if (!linger_n() && np == 1) {
        block(ps[0]);
        return 1;
      }
      host_poll(&ctx, 0, fired);
      if (ANY_FIRED()) return 1;
      continue;
    }
    host_poll(&ctx, get_timer(wake, now), fired);
    if (ANY_FIRED()) return 1;
    now = (int64_t)__wasip2_now_ns();
    if (now >= deadline) return 0;
    alarm = alarm_at();
  }
}
#undef ANY_FIRED

int __wasip2_wait(wasi_io_poll_pollable_t p, int64_t timeout_ns) {
  // Linux: socket calls restart under SA_RESTART unless a socket timeout
  // (SO_RCVTIMEO/SO_SNDTIMEO) is set; then they always fail (signal(7)).
  return __wasip2_wait_ex(p, timeout_ns, timeout_ns < 0 ? WASIP2_WAIT_RESTART : WASIP2_WAIT_EINTR);
}

// Sleep until `end` (monotonic ns); 0 when reached, -1/EINTR per `mode`.
static int sleep_until(int64_t end, int mode) {
  for (;;) {
    int64_t now = (int64_t)__wasip2_now_ns();
    int64_t alarm = alarm_at();
    if (alarm && now >= alarm) {
      if (interrupted(mode)) return -1;
      continue;
    }
    if (now >= end) return 0;
    wasi_io_poll_pollable_block(get_timer(alarm && alarm < end ? alarm : end, now));
  }
}

int __wasip2_sleep(int64_t ns, int mode) {
  return sleep_until((int64_t)__wasip2_now_ns() + ns, mode);
}

static int poll_body(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, int64_t timeout_ns);

// A closed fd is POLLNVAL, not a failure: the EBADF that looking it up left
// in errno must not leak out of a successful call.
int __wasip2_poll(struct pollfd *fds, unsigned long nfds, int64_t timeout_ns) {
  int saved = errno;
  int r = poll_body(fds, NULL, nfds, timeout_ns);
  if (r >= 0) errno = saved;
  return r;
}

int __wasip2_poll_descs(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, int64_t timeout_ns) {
  int saved = errno;
  int r = poll_body(fds, descs, nfds, timeout_ns);
  if (r >= 0) errno = saved;
  return r;
}

// The description an entry polls: its fd's, or (epoll) the one given.
static struct __wasip2_desc *desc_of(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long i) {
  return descs ? descs[i] : __wasip2_fd_get(fds[i].fd);
}

static int poll_body(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, int64_t timeout_ns) {
  if (nfds && !fds) { errno = EFAULT; return -1; }
  // Linux: more entries than RLIMIT_NOFILE allows fds is EINVAL
  if (nfds > (unsigned long)__wasip2_fd_nofile) { errno = EINVAL; return -1; }
  struct __wasip2_poll_ctx ctx;
  ctx.ents = ctx.small;
  ctx.cap = 16;
  int64_t deadline = -1;
  int probed = 0;
  int nready = 0;
  for (;;) {
    ctx.n = 0;
    ctx.recheck = 0;
    nready = 0;
    for (unsigned long i = 0; i < nfds; i++) {
      fds[i].revents = 0;
      if (fds[i].fd < 0) continue;
      struct __wasip2_desc *d = desc_of(fds, descs, i);
      short r;
      if (!d) r = POLLNVAL;
      else if (!d->ops->poll) r = fds[i].events & (POLLIN | POLLOUT); // files: always ready
      else {
        ctx.cur = (int)i;
        r = d->ops->poll(d, fds[i].events, &ctx);
      }
      r &= fds[i].events | POLLERR | POLLHUP | POLLNVAL;
      if (r) { fds[i].revents = r; nready++; }
    }
    if (!ctx.n) {
      if (nready || timeout_ns == 0) break;
      if (timeout_ns < 0) {
        // nothing can become ready but by a signal: sleep in long slices
        int64_t now = (int64_t)__wasip2_now_ns();
        if (sleep_until(now + 3600LL * 1000000000, WASIP2_WAIT_EINTR) < 0) { nready = -1; break; }
        continue;
      }
      if (sleep_until((int64_t)__wasip2_now_ns() + timeout_ns, WASIP2_WAIT_EINTR) < 0) nready = -1;
      break;
    }
    unsigned char fsmall[64];
    unsigned char *fired = ctx.n <= 64 ? fsmall : calloc(ctx.n, 1);
    if (!fired) { errno = ENOMEM; nready = -1; break; }
    memset(fired, 0, ctx.n <= 64 ? sizeof fsmall : 0);
    int timed_out = 0, alarm_due = 0;
    int64_t alarm = alarm_at();
    if (nready || timeout_ns == 0 || (!probed && timeout_ns > 0)) {
      host_poll(&ctx, get_ready(), fired);
      probed = 1;
    } else if (timeout_ns < 0 && !alarm) {
      host_poll(&ctx, 0, fired);
    } else {
      // wake at the timeout or the alarm, whichever comes first
      int64_t now = (int64_t)__wasip2_now_ns();
      if (timeout_ns > 0 && deadline < 0) deadline = now + timeout_ns;
      int64_t end = timeout_ns > 0 ? deadline : INT64_MAX;
      int64_t wake = alarm && alarm < end ? alarm : end;
      if (alarm && now >= alarm) alarm_due = 1;
      else if (now >= end) timed_out = 1;
      else if (host_poll(&ctx, get_timer(wake, now), fired)) {
        now = (int64_t)__wasip2_now_ns();
        if (now >= end) timed_out = 1;
        if (alarm && now >= alarm) alarm_due = 1;
      }
    }
    // collect what fired; entries asking for a recheck re-run their ops
    for (int k = 0; k < ctx.n; k++) {
      if (!fired[k]) continue;
      struct pollfd *pf = &fds[ctx.ents[k].idx];
      if (ctx.ents[k].revents & WASIP2_POLL_RECHECK) {
        struct __wasip2_desc *d = desc_of(fds, descs, ctx.ents[k].idx);
        if (!d) continue;
        ctx.recheck = 1;
        ctx.cur = ctx.ents[k].idx;
        short r = d->ops->poll(d, pf->events, &ctx);
        ctx.recheck = 0;
        pf->revents |= r & (pf->events | POLLERR | POLLHUP);
      } else {
        pf->revents |= ctx.ents[k].revents & (pf->events | POLLERR | POLLHUP);
      }
    }
    if (fired != fsmall) free(fired);
    nready = 0;
    for (unsigned long i = 0; i < nfds; i++)
      if (fds[i].revents) nready++;
    // Like Linux, a handler runs when its signal arrives, but ready fds
    // (or the timeout) win over EINTR; poll never restarts.
    int intr = alarm_due && interrupted(WASIP2_WAIT_EINTR);
    if (nready || timeout_ns == 0 || timed_out || intr) {
      if (ctx.ents != ctx.small) free(ctx.ents);
      if (!nready && !timed_out && intr) return -1;
      return nready;
    }
  }
  if (ctx.ents != ctx.small) free(ctx.ents);
  if (nready < 0) return -1;
  nready = 0;
  for (unsigned long i = 0; i < nfds; i++)
    if (fds[i].revents) nready++;
  return nready;
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms) {
  return __wasip2_poll(fds, n, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000);
}

// ppoll/pselect: `mask` replaces the signal mask for the call only, so a
// signal blocked elsewhere can interrupt just this wait (the race-free
// idiom).  One already pending that the mask unblocks is delivered at once
// and the call fails with EINTR.  Without the signal code linked no
// handler can exist, and the mask changes nothing.
int __wasip2_poll_mask(struct pollfd *fds, unsigned long n, int64_t timeout_ns, const sigset_t *mask) {
  return __wasip2_poll_descs_mask(fds, NULL, n, timeout_ns, mask);
}

int __wasip2_poll_descs_mask(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns,
                             const sigset_t *mask) {
  if (!mask || !&__wasip2_sig_blocked || !__wasip2_sigset_bits || !__wasip2_sig_flush)
    return __wasip2_poll_descs(fds, descs, n, timeout_ns);
  uint64_t saved = __wasip2_sig_blocked;
  uint64_t unblockable = ((uint64_t)1 << (SIGKILL - 1)) | ((uint64_t)1 << (SIGSTOP - 1));
  __wasip2_sig_blocked = __wasip2_sigset_bits(mask) & ~unblockable;
  unsigned before = __wasip2_sig_handled;
  __wasip2_sig_flush(NULL);
  int r;
  if (__wasip2_sig_handled != before) {
    errno = EINTR;
    r = -1;
  } else {
    r = __wasip2_poll_descs(fds, descs, n, timeout_ns);
  }
  int saved_errno = errno;
  __wasip2_sig_blocked = saved;
  // what the restored mask unblocks is delivered on the way out, as on Linux
  __wasip2_sig_flush(NULL);
  errno = saved_errno;
  return r;
}
