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
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

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
  int n = ctx->n + (extra ? 1 : 0);
  wasi_io_poll_pollable_t small[33];
  wasi_io_poll_pollable_t *list = n <= 33 ? small : malloc(n * sizeof *list);
  if (!list) return 0;
  for (int i = 0; i < ctx->n; i++) list[i] = ctx->ents[i].p;
  if (extra) list[ctx->n] = extra;
  wasip2_list_wasi_io_poll_pollable_t in = {list, (size_t)n};
  wasip2_list_u32_t out;
  wasi_io_poll_poll(&in, &out);
  int extra_fired = 0;
  for (size_t i = 0; i < out.len; i++) {
    uint32_t k = out.ptr[i];
    if (k < (uint32_t)ctx->n) fired[k] = 1;
    else extra_fired = 1;
  }
  if (out.len) free(out.ptr);
  if (list != small) free(list);
  return extra_fired;
}

int __wasip2_wait(wasi_io_poll_pollable_t p, int64_t timeout_ns) {
  if (timeout_ns < 0) {
    wasi_io_poll_pollable_block(p);
    return 1;
  }
  struct __wasip2_poll_ctx ctx = {0};
  ctx.ents = ctx.small;
  ctx.cap = 16;
  __wasip2_poll_add(&ctx, p, POLLIN);
  unsigned char fired[1] = {0};
  if (timeout_ns == 0) {
    host_poll(&ctx, get_ready(), fired);
    return fired[0];
  }
  int64_t now = (int64_t)__wasip2_now_ns();
  int64_t deadline = now + timeout_ns;
  for (;;) {
    host_poll(&ctx, get_timer(deadline, now), fired);
    if (fired[0]) return 1;
    now = (int64_t)__wasip2_now_ns();
    if (now >= deadline) return 0;
  }
}

static void sleep_until(int64_t deadline) {
  for (;;) {
    int64_t now = (int64_t)__wasip2_now_ns();
    if (now >= deadline) return;
    wasi_io_poll_pollable_block(get_timer(deadline, now));
  }
}

static int poll_body(struct pollfd *fds, unsigned long nfds, int64_t timeout_ns);

// A closed fd is POLLNVAL, not a failure: the EBADF that looking it up left
// in errno must not leak out of a successful call.
int __wasip2_poll(struct pollfd *fds, unsigned long nfds, int64_t timeout_ns) {
  int saved = errno;
  int r = poll_body(fds, nfds, timeout_ns);
  if (r >= 0) errno = saved;
  return r;
}

static int poll_body(struct pollfd *fds, unsigned long nfds, int64_t timeout_ns) {
  if (nfds && !fds) { errno = EFAULT; return -1; }
  if (nfds > 65536) { errno = EINVAL; return -1; }
  struct __wasip2_poll_ctx ctx;
  ctx.ents = ctx.small;
  ctx.cap = 16;
  int64_t deadline = -1;
  int probed = 0;
  for (;;) {
    ctx.n = 0;
    ctx.recheck = 0;
    int nready = 0;
    for (unsigned long i = 0; i < nfds; i++) {
      fds[i].revents = 0;
      if (fds[i].fd < 0) continue;
      struct __wasip2_desc *d = __wasip2_fd_get(fds[i].fd);
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
        // nothing can ever become ready: sleep in long slices
        int64_t now = (int64_t)__wasip2_now_ns();
        sleep_until(now + 3600LL * 1000000000);
        continue;
      }
      sleep_until((int64_t)__wasip2_now_ns() + timeout_ns);
      break;
    }
    unsigned char fsmall[64];
    unsigned char *fired = ctx.n <= 64 ? fsmall : calloc(ctx.n, 1);
    if (!fired) { errno = ENOMEM; nready = -1; break; }
    memset(fired, 0, ctx.n <= 64 ? sizeof fsmall : 0);
    int timed_out = 0;
    if (nready || timeout_ns == 0 || (!probed && timeout_ns > 0)) {
      host_poll(&ctx, get_ready(), fired);
      probed = 1;
    } else if (timeout_ns < 0) {
      host_poll(&ctx, 0, fired);
    } else {
      int64_t now = (int64_t)__wasip2_now_ns();
      if (deadline < 0) deadline = now + timeout_ns;
      if (now >= deadline) timed_out = 1;
      else if (host_poll(&ctx, get_timer(deadline, now), fired) && (int64_t)__wasip2_now_ns() >= deadline)
        timed_out = 1;
    }
    // collect what fired; entries asking for a recheck re-run their ops
    for (int k = 0; k < ctx.n; k++) {
      if (!fired[k]) continue;
      struct pollfd *pf = &fds[ctx.ents[k].idx];
      if (ctx.ents[k].revents & WASIP2_POLL_RECHECK) {
        struct __wasip2_desc *d = __wasip2_fd_get(pf->fd);
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
    if (nready || timeout_ns == 0 || timed_out) {
      if (ctx.ents != ctx.small) free(ctx.ents);
      return nready;
    }
  }
  if (ctx.ents != ctx.small) free(ctx.ents);
  int nready = 0;
  for (unsigned long i = 0; i < nfds; i++)
    if (fds[i].revents) nready++;
  return nready;
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms) {
  return __wasip2_poll(fds, n, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000);
}
