// The poll core over fds (poll, ppoll, select, pselect, epoll_wait): each
// kind's ops->poll reports what it already knows (no host call) or
// registers a pollable it keeps cached for its whole life, and all of them
// wait together in one wait of the core (src/wait): one host call for any
// number of fds.  When something is known ready, or the timeout is zero,
// the wait only looks (the host answers at once with every other ready
// index: a zero-timeout poll costs one call).  A finite timeout first looks
// that way too (a busy loop never pays for a timer), then waits.
//
// Signals: a handler that runs during the wait makes poll fail with EINTR
// (Linux never restarts it), unless fds are ready or the timeout came.
// Threads: another thread's change to a pipe, eventfd or socketpair ends
// the wait, and the fds are scanned again.
#include <errno.h>
#include <poll.h>
#include <string.h>
#include "wasip2_fd.h"

// the stdio streams' poll op lives apart (src/io/stdio_poll.c): link it
__attribute__((used)) static short (*const pull_stdio_poll)(struct __wasip2_desc *, short, struct __wasip2_poll_ctx *) = __wasip2_stdio_poll;

// The description an entry polls: its fd's, or (epoll) the one given.
static struct __wasip2_desc *desc_of(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long i) {
  return descs ? descs[i] : __wasip2_fd_get(fds[i].fd);
}

// Ask every entry's kind; returns how many are ready now.
static int scan(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, struct __wasip2_poll_ctx *ctx) {
  int nready = 0;
  ctx->n = 0;
  for (unsigned long i = 0; i < nfds; i++) {
    fds[i].revents = 0;
    if (fds[i].fd < 0) continue;
    struct __wasip2_desc *d = desc_of(fds, descs, i);
    short r;
    if (!d) r = POLLNVAL;
    else if (!d->ops->poll) r = fds[i].events & (POLLIN | POLLOUT); // files: always ready
    else {
      ctx->cur = (int)i;
      r = d->ops->poll(d, fds[i].events, ctx);
    }
    r &= fds[i].events | POLLERR | POLLHUP | POLLNVAL;
    if (r) { fds[i].revents = r; nready++; }
  }
  return nready;
}

// Fold in what fired; entries that asked for a recheck run their ops again.
static int collect(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds,
                   struct __wasip2_poll_ctx *ctx, const unsigned char *fired) {
  for (int k = 0; k < ctx->n; k++) {
    if (!fired[k]) continue;
    struct __wasip2_poll_ent *e = &ctx->ents[k];
    struct pollfd *pf = &fds[e->idx];
    short r = e->revents;
    if (e->recheck) {
      struct __wasip2_desc *d = desc_of(fds, descs, e->idx);
      if (!d) continue;
      ctx->recheck = 1;
      ctx->cur = e->idx;
      r = d->ops->poll(d, pf->events, ctx);
      ctx->recheck = 0;
    }
    pf->revents |= r & (pf->events | POLLERR | POLLHUP);
  }
  int nready = 0;
  for (unsigned long i = 0; i < nfds; i++)
    if (fds[i].revents) nready++;
  return nready;
}

static int poll_body(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, int64_t timeout_ns) {
  if (nfds && !fds) { errno = EFAULT; return -1; }
  // Linux: more entries than RLIMIT_NOFILE allows fds is EINVAL
  if (nfds > (unsigned long)__wasip2_fd_nofile) { errno = EINVAL; return -1; }
  struct __wasip2_poll_ctx ctx;
  __wasip2_poll_ctx_init(&ctx);
  struct __wasip2_deadline dl = WASIP2_DEADLINE(timeout_ns);
  int probed = 0, nready;
  for (;;) {
    nready = scan(fds, descs, nfds, &ctx);
    if (!ctx.n) {
      // nothing to wait on: ready now, or a sleep only a signal can cut short
      if (nready || timeout_ns == 0) break;
      int w = __wasip2_wait_set(0, 0, 0, &dl, WASIP2_WAIT_EINTR | WASIP2_WAIT_INPROC);
      if (w == -2) continue;  // another thread changed a pipe & co.: scan again
      if (w < 0) nready = -1;
      break;
    }
    wasi_io_poll_pollable_t psmall[64];
    unsigned char fsmall[64];
    wasi_io_poll_pollable_t *ps = ctx.n <= 64 ? psmall : __wasip2_malloc(ctx.n * sizeof *ps);
    unsigned char *fired = ctx.n <= 64 ? fsmall : __wasip2_malloc(ctx.n);
    if (!ps || !fired) {
      if (ps != psmall) __wasip2_free(ps);
      if (fired != fsmall) __wasip2_free(fired);
      errno = ENOMEM;
      nready = -1;
      break;
    }
    for (int k = 0; k < ctx.n; k++) ps[k] = ctx.ents[k].p;
    memset(fired, 0, ctx.n);
    int look = nready || timeout_ns == 0 || (!probed && timeout_ns > 0);
    struct __wasip2_deadline now = WASIP2_DEADLINE(0);
    int got = __wasip2_wait_set(ps, ctx.n, fired, look ? &now : &dl, WASIP2_WAIT_EINTR | WASIP2_WAIT_INPROC);
    probed = 1;
    if (got > 0) nready = collect(fds, descs, nfds, &ctx, fired);
    if (ps != psmall) __wasip2_free(ps);
    if (fired != fsmall) __wasip2_free(fired);
    if (got == -2) continue;  // another thread changed a pipe & co.: scan again
    if (got < 0) { nready = -1; break; }
    // done when something is ready, the timeout came, or it was only a look
    if (nready || timeout_ns == 0 || (got == 0 && !look)) break;
  }
  __wasip2_poll_ctx_free(&ctx);
  return nready;
}

// A closed fd is POLLNVAL, not a failure: the EBADF that looking it up left
// in errno must not leak out of a successful call.
int __wasip2_poll_descs(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long nfds, int64_t timeout_ns) {
  int saved = errno;
  int r = poll_body(fds, descs, nfds, timeout_ns);
  if (r >= 0) errno = saved;
  return r;
}

int __wasip2_poll(struct pollfd *fds, unsigned long nfds, int64_t timeout_ns) {
  return __wasip2_poll_descs(fds, NULL, nfds, timeout_ns);
}
