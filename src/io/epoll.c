// epoll(7) in libc, on the poll core (src/io/poll_fds.c): an epoll instance is
// an interest list of (open description, fd number) keys, as Linux keys
// them, so a registration outlives a dup'd fd's close and leaves the list
// only when its description's last fd closes (the fd table's release hook,
// registered by the first epoll_ctl ADD, tells us).
// epoll_wait hands the enabled entries' descriptions to the poll core:
// whatever is known ready costs no host call, the rest wait together in
// one wasi:io/poll call, so an idle epoll_wait over N fds is one host call.
//
// Level-triggered entries report whenever ready.  EPOLLET reports a bit
// once, then not again until the entry has been seen without it (the
// program read or wrote until EAGAIN, as edge-triggered code does); a
// zero-timeout probe of such entries, one host call at most, tells that
// before each wait.  (The POSIX epoll_wait entry points: epoll_wait.c.)
// Unlike Linux, more data arriving on an fd that stays
// readable is not a new edge.  EPOLLONESHOT disables the entry after one
// report until EPOLL_CTL_MOD.  An epoll fd is itself pollable (readable
// while it has an event to report), in poll() and in another epoll.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include "wasip2_net.h"

#define EP_MAX_NESTS 4 // Linux's EP_MAX_NESTS: deeper chains are ELOOP

struct item {
  struct __wasip2_desc *d;
  int fd;
  uint32_t events;   // as given to epoll_ctl
  epoll_data_t data;
  uint32_t seen;     // EPOLLET: bits reported and not seen clear since
  int disabled;      // EPOLLONESHOT: reported, waiting for a MOD
};

struct ep {
  struct ep *next;   // every instance, for forget()
  struct __wasip2_desc *self;
  struct item *items;
  int n, cap;
};

static struct ep *all;
static const struct __wasip2_ops ep_ops; // below: an epoll fd is one with these ops

#define EP_RW (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM | EPOLLRDHUP)

static short to_poll(uint32_t ev) {
  short p = 0;
  if (ev & (EPOLLIN | EPOLLRDNORM)) p |= POLLIN;
  if (ev & (EPOLLOUT | EPOLLWRNORM)) p |= POLLOUT;
  if (ev & EPOLLRDHUP) p |= WASIP2_POLL_RDHUP;
  return p;
}

// What the kind reported, in epoll bits, limited to what the entry asked
// for (EPOLLERR and EPOLLHUP are always reported, as on Linux).
static uint32_t from_poll(short r, uint32_t want) {
  uint32_t e = 0;
  if (r & POLLIN) e |= EPOLLIN | EPOLLRDNORM;
  if (r & POLLOUT) e |= EPOLLOUT | EPOLLWRNORM;
  if (r & WASIP2_POLL_RDHUP) e |= EPOLLRDHUP;
  if (r & POLLERR) e |= EPOLLERR;
  if (r & POLLHUP) e |= EPOLLHUP;
  return e & (want | EPOLLERR | EPOLLHUP);
}

// The bits an entry is still waiting for: for EPOLLET, not those reported
// and not yet seen clear.
static uint32_t asks(const struct item *it) {
  uint32_t w = (it->events & EP_RW) | EPOLLERR | EPOLLHUP; // these two even when not asked for
  if (it->events & EPOLLET) w &= ~it->seen;
  return w;
}

static struct ep *ep_of(int epfd, int *err) {
  struct __wasip2_desc *d = __wasip2_fd_get(epfd);
  if (!d) { *err = EBADF; return NULL; }
  if (d->ops != &ep_ops) { *err = EINVAL; return NULL; }
  return d->impl;
}

static void drop_item(struct ep *ep, int i) {
  ep->items[i].d->epolls--;
  memmove(&ep->items[i], &ep->items[i + 1], (ep->n - i - 1) * sizeof *ep->items);
  ep->n--;
}

// The last fd of d closed: it leaves every interest list (the fd table's
// release hook).
static void forget(struct __wasip2_desc *d) {
  for (struct ep *ep = all; ep && d->epolls; ep = ep->next)
    for (int i = ep->n - 1; i >= 0; i--)
      if (ep->items[i].d == d) drop_item(ep, i);
}

// Scratch arrays for one poll-core call over n entries.
struct scan {
  struct pollfd *pf;
  struct __wasip2_desc **dv;
  struct pollfd spf[16];
  struct __wasip2_desc *sdv[16];
};

static int scan_init(struct scan *s, int n) {
  s->pf = s->spf;
  s->dv = s->sdv;
  if (n > 16) {
    s->pf = malloc(n * sizeof *s->pf);
    s->dv = malloc(n * sizeof *s->dv);
    if (!s->pf || !s->dv) {
      free(s->pf); free(s->dv);
      errno = ENOMEM;
      return -1;
    }
  }
  return 0;
}

static void scan_free(struct scan *s) {
  if (s->pf != s->spf) { free(s->pf); free(s->dv); }
}

// EPOLLET entries with reported bits: a zero-timeout look clears the bits
// that are no longer ready (no host call when every such kind knows its
// state; one otherwise).
static int probe_edges(struct ep *ep) {
  int k = 0;
  for (int i = 0; i < ep->n; i++)
    if (ep->items[i].seen && !ep->items[i].disabled) k++;
  if (!k) return 0;
  struct scan s;
  if (scan_init(&s, ep->n) < 0) return -1;
  for (int i = 0; i < ep->n; i++) {
    struct item *it = &ep->items[i];
    s.pf[i].fd = it->seen && !it->disabled ? 0 : -1;
    s.pf[i].events = to_poll(it->seen);
    s.pf[i].revents = 0;
    s.dv[i] = it->d;
  }
  int r = __wasip2_poll_descs(s.pf, s.dv, ep->n, 0);
  if (r >= 0)
    for (int i = 0; i < ep->n; i++)
      if (s.pf[i].fd >= 0) ep->items[i].seen &= from_poll(s.pf[i].revents, ep->items[i].seen);
  scan_free(&s);
  return r < 0 ? -1 : 0;
}

// Fill the scan with what each entry waits for; entries in `skip` (or
// disabled, or with nothing left to wait for) sit out.  Returns how many
// take part.
static int fill(struct ep *ep, struct scan *s, const unsigned char *skip) {
  int k = 0;
  for (int i = 0; i < ep->n; i++) {
    struct item *it = &ep->items[i];
    uint32_t w = asks(it);
    int out = it->disabled || (skip && skip[i]) || !(w & (EP_RW | EPOLLERR | EPOLLHUP));
    s->pf[i].fd = out ? -1 : 0;
    s->pf[i].events = to_poll(w);
    s->pf[i].revents = 0;
    s->dv[i] = it->d;
    if (!out) k++;
  }
  return k;
}

// One epoll_wait.  `consume` 0 only looks (the nested-epoll check): no
// report changes any entry's state.
static int ep_wait(struct ep *ep, struct epoll_event *out, int max, int64_t timeout_ns, const sigset_t *mask,
                   int consume) {
  struct scan s;
  unsigned char *skip = NULL;
  int count = 0;
  struct __wasip2_deadline dl = WASIP2_DEADLINE(timeout_ns);
  if (timeout_ns > 0) __wasip2_deadline_at(&dl);  // counts from the call, not the first wait
  if (probe_edges(ep) < 0) return -1;
  if (scan_init(&s, ep->n) < 0) return -1;
  for (;;) {
    int k = fill(ep, &s, skip);
    int64_t left = __wasip2_deadline_left(&dl);
    // nothing to wait on (k == 0): a pure sleep, as poll() with no fds
    int r = k ? __wasip2_poll_descs_mask(s.pf, s.dv, ep->n, left, mask)
              : __wasip2_poll_descs_mask(NULL, NULL, 0, left, mask);
    if (r < 0) { count = -1; break; }
    if (r == 0) break; // timed out (or a zero timeout with nothing ready)
    for (int i = 0; i < ep->n && count < max; i++) {
      struct item *it = &ep->items[i];
      if (s.pf[i].fd < 0 || !s.pf[i].revents) continue;
      uint32_t got = from_poll(s.pf[i].revents, it->events & (EP_RW | EPOLLERR | EPOLLHUP));
      if (it->events & EPOLLET) got &= ~it->seen;
      if (!got) {
        // only bits already reported (EPOLLET's HUP/ERR): sit out the rest of this call
        if (!skip && !(skip = calloc(ep->n, 1))) { errno = ENOMEM; count = -1; break; }
        skip[i] = 1;
        continue;
      }
      if (out) {
        out[count].events = got;
        out[count].data = it->data;
      }
      count++;
      if (consume) {
        if (it->events & EPOLLET) it->seen |= got;
        if (it->events & EPOLLONESHOT) it->disabled = 1;
        it->fd = -1 - it->fd; // mark reported (undone below)
      }
    }
    if (count || timeout_ns == 0) break;
    if (timeout_ns > 0 && __wasip2_deadline_left(&dl) == 0) break;
  }
  if (consume && count > 0) {
    // Linux moves reported level-triggered entries to the back of its
    // ready list: with more ready than fit in `max`, the next call serves
    // the others first.  Keep the unreported first, in order.
    struct item *tmp = ep->n <= 16 ? NULL : malloc(ep->n * sizeof *tmp);
    struct item small[16];
    struct item *t = tmp ? tmp : small;
    if (ep->n <= 16 || tmp) {
      int j = 0;
      for (int i = 0; i < ep->n; i++) if (ep->items[i].fd >= 0) t[j++] = ep->items[i];
      for (int i = 0; i < ep->n; i++) if (ep->items[i].fd < 0) t[j++] = ep->items[i];
      memcpy(ep->items, t, ep->n * sizeof *t);
    }
    free(tmp);
    for (int i = 0; i < ep->n; i++)
      if (ep->items[i].fd < 0) ep->items[i].fd = -1 - ep->items[i].fd;
  }
  free(skip);
  scan_free(&s);
  return count;
}

// ---- the epoll fd itself

static short ep_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  struct ep *ep = d->impl;
  if (!(events & POLLIN)) return 0;
  if (ctx->recheck) {
    // one of ours fired: is there an event to report now?
    return ep_wait(ep, NULL, INT_MAX, 0, NULL, 0) > 0 ? POLLIN : 0;
  }
  int n0 = ctx->n;
  for (int i = 0; i < ep->n; i++) {
    struct item *it = &ep->items[i];
    uint32_t w = asks(it);
    if (it->disabled || !w) continue;
    struct __wasip2_desc *t = it->d;
    short r = t->ops->poll(t, to_poll(w), ctx);
    uint32_t got = from_poll(r, it->events & (EP_RW | EPOLLERR | EPOLLHUP));
    if (it->events & EPOLLET) got &= ~it->seen;
    if (got) {
      ctx->n = n0; // known readable: what was registered is not needed
      return POLLIN;
    }
  }
  // What the entries wait on is what this fd waits on; when one fires,
  // poll() asks again (recheck) what that means for this epoll.
  for (int k = n0; k < ctx->n; k++) {
    ctx->ents[k].revents = POLLIN;
    ctx->ents[k].recheck = 1;
  }
  return 0;
}

static int ep_fstat(struct __wasip2_desc *d, struct stat *st) {
  memset(st, 0, sizeof *st);
  st->st_mode = 0600; // an anonymous inode, as on Linux
  st->st_nlink = 1;
  st->st_ino = (ino_t)(uintptr_t)d->impl;
  st->st_blksize = 4096;
  return 0;
}

static int ep_close(struct __wasip2_desc *d) {
  struct ep *ep = d->impl;
  for (int i = 0; i < ep->n; i++) ep->items[i].d->epolls--;
  for (struct ep **pp = &all; *pp; pp = &(*pp)->next)
    if (*pp == ep) { *pp = ep->next; break; }
  free(ep->items);
  free(ep);
  d->impl = NULL;
  return 0;
}

static const struct __wasip2_ops ep_ops = {
  .fstat = ep_fstat,
  .close = ep_close,
  .poll = ep_poll,
};

int epoll_create1(int flags) {
  if (flags & ~EPOLL_CLOEXEC) { errno = EINVAL; return -1; }
  struct ep *ep = calloc(1, sizeof *ep);
  struct __wasip2_desc *d = ep ? __wasip2_desc_new(WASIP2_KIND_EPOLL, &ep_ops, O_RDWR, ep) : NULL;
  if (!d) { free(ep); errno = ENOMEM; return -1; }
  ep->self = d;
  int fd = __wasip2_fd_install(d, 0);
  if (fd < 0) { free(ep); free(d); return -1; }
  ep->next = all;
  all = ep;
  if (flags & EPOLL_CLOEXEC) __wasip2_fd_setfdflags(fd, WASIP2_FD_CLOEXEC);
  return fd;
}

int epoll_create(int size) {
  if (size <= 0) { errno = EINVAL; return -1; }
  return epoll_create1(0);
}

// Is `target` reachable from the epoll instance `from` (through nested
// epolls), or is the chain deeper than Linux allows?
static int loops(struct ep *from, struct ep *target, int depth) {
  if (depth > EP_MAX_NESTS) return 1;
  for (int i = 0; i < from->n; i++) {
    struct __wasip2_desc *d = from->items[i].d;
    if (d->ops != &ep_ops) continue;
    if (d->impl == target || loops(d->impl, target, depth + 1)) return 1;
  }
  return 0;
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev) {
  // Linux's order of checks (fs/eventpoll.c, do_epoll_ctl)
  if (op != EPOLL_CTL_DEL && !ev) { errno = EFAULT; return -1; }
  int err = 0;
  struct __wasip2_desc *ed = __wasip2_fd_get(epfd);
  if (!ed) return -1;
  struct __wasip2_desc *td = __wasip2_fd_get(fd);
  if (!td) return -1;
  // what never waits (files, directories, devices) cannot be watched: its
  // table says EPERM, as Linux does for files without a poll operation
  if (!td->ops->poll || td->ops->epoll_errno) {
    errno = td->ops->poll ? td->ops->epoll_errno : EPERM;
    return -1;
  }
  if (ed == td || ed->ops != &ep_ops) { errno = EINVAL; return -1; }
  struct ep *ep = ep_of(epfd, &err);
  if (op != EPOLL_CTL_DEL && (ev->events & EPOLLEXCLUSIVE)) {
    // only with ADD, with no ONESHOT, and not on an epoll fd (Linux)
    if (op == EPOLL_CTL_MOD || (ev->events & EPOLLONESHOT) || td->ops == &ep_ops) {
      errno = EINVAL;
      return -1;
    }
  }
  if (op == EPOLL_CTL_ADD && td->ops == &ep_ops) {
    struct ep *inner = td->impl;
    if (inner == ep || loops(inner, ep, 1)) { errno = ELOOP; return -1; }
  }
  int i = 0;
  while (i < ep->n && !(ep->items[i].d == td && ep->items[i].fd == fd)) i++;
  int found = i < ep->n;
  switch (op) {
  case EPOLL_CTL_ADD: {
    if (found) { errno = EEXIST; return -1; }
    if (__wasip2_fd_on_release(forget) < 0) { errno = ENOMEM; return -1; }
    if (ep->n == ep->cap) {
      int cap = ep->cap ? ep->cap * 2 : 8;
      struct item *n = realloc(ep->items, cap * sizeof *n);
      if (!n) { errno = ENOMEM; return -1; }
      ep->items = n;
      ep->cap = cap;
    }
    struct item *it = &ep->items[ep->n++];
    memset(it, 0, sizeof *it);
    it->d = td;
    it->fd = fd;
    it->events = ev->events;
    it->data = ev->data;
    td->epolls++;
    return 0;
  }
  case EPOLL_CTL_MOD:
    if (!found) { errno = ENOENT; return -1; }
    if (ep->items[i].events & EPOLLEXCLUSIVE) { errno = EINVAL; return -1; }
    ep->items[i].events = ev->events;
    ep->items[i].data = ev->data;
    ep->items[i].seen = 0;
    ep->items[i].disabled = 0;
    return 0;
  case EPOLL_CTL_DEL:
    if (!found) { errno = ENOENT; return -1; }
    drop_item(ep, i);
    return 0;
  default:
    errno = EINVAL;
    return -1;
  }
}

int __wasip2_epoll_wait(int epfd, struct epoll_event *events, int max, int64_t ns, const sigset_t *mask) {
  int err = 0;
  if (max <= 0 || max > INT_MAX / (int)sizeof *events) { errno = EINVAL; return -1; }
  struct ep *ep = ep_of(epfd, &err);
  if (!ep) { errno = err; return -1; }
  if (!events) { errno = EFAULT; return -1; }
  return ep_wait(ep, events, max, ns, mask, 1);
}
