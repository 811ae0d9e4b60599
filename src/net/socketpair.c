// socketpair(AF_UNIX): two connected in-process socket ends (WASI 0.2 has
// no AF_UNIX, and there is no second process, so nothing here calls the
// host).  Each end reads the queue the other writes: a byte stream for
// SOCK_STREAM, whole datagrams for SOCK_DGRAM.  Shutdown, close and the
// errors follow Linux's af_unix: a stream end's shutdown is mirrored on the
// peer, a closed stream peer is EOF plus EPIPE, a closed datagram peer is
// ECONNREFUSED once and then ENOTCONN.  The socket calls route
// descriptions of this kind here (src/include/wasip2_net.h); shutdown,
// options, names, fstat and ioctl are in socketpair_opt.c (linked through
// the ops table below).
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include "wasip2_net.h"

static void q_free(struct __wasip2_unix_queue *q) {
  while (q->head) {
    struct __wasip2_unix_chunk *c = q->head;
    q->head = c->next;
    free(c);
  }
  q->tail = NULL;
  q->bytes = 0;
}

static struct __wasip2_unix_chunk *q_push(struct __wasip2_unix_queue *q, size_t cap) {
  struct __wasip2_unix_chunk *c = malloc(sizeof *c + cap);
  if (!c) { errno = ENOBUFS; return NULL; }
  c->next = NULL;
  c->off = c->len = 0;
  c->cap = cap;
  if (q->tail) q->tail->next = c; else q->head = c;
  q->tail = c;
  return c;
}

static void q_pop(struct __wasip2_unix_queue *q) {
  struct __wasip2_unix_chunk *c = q->head;
  q->head = c->next;
  if (!q->head) q->tail = NULL;
  q->bytes -= c->len - c->off;
  free(c);
}

// Drop the first n unread bytes of a stream queue.
static void consume(struct __wasip2_unix_queue *q, size_t n) {
  while (n) {
    struct __wasip2_unix_chunk *c = q->head;
    size_t k = c->len - c->off;
    if (k > n) k = n;
    c->off += k;
    q->bytes -= k;
    n -= k;
    if (c->off == c->len) q_pop(q);
  }
}

// Copy n bytes to the vector, starting at byte `at` of it.
static void scatter_at(const struct iovec *iov, int niov, size_t at, const unsigned char *src, size_t n) {
  for (int i = 0; i < niov && n; i++) {
    size_t l = iov[i].iov_len;
    if (at >= l) { at -= l; continue; }
    size_t k = l - at;
    if (k > n) k = n;
    memcpy((char *)iov[i].iov_base + at, src, k);
    src += k;
    n -= k;
    at = 0;
  }
}

// Wait for the peer (another thread) or a handler to change something, or
// for the timeout: 0 to look again, -1 with EINTR or (timed out) EAGAIN.
static int wait_more(struct __wasip2_unix_pair *p, struct __wasip2_deadline *dl) {
  return __wasip2_inproc_wait(p, __wasip2_deadline_left(dl));
}

static ssize_t recv_core(struct __wasip2_unix_end *e, int nonblock, const struct iovec *iov, int niov, size_t len,
                         int flags, int *truncated) {
  struct __wasip2_unix_pair *p = e->p;
  struct __wasip2_unix_queue *q = &p->q[e->me];
  int peek = flags & MSG_PEEK;
  int waitall = (flags & MSG_WAITALL) && !nonblock && p->type == SOCK_STREAM && !peek;
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(e->rcvtimeo_ns));
  size_t got = 0;
  if (truncated) *truncated = 0;
  for (;;) {
    if (q->head) {
      if (p->type == SOCK_DGRAM) {
        struct __wasip2_unix_chunk *c = q->head;
        size_t full = c->len, n = full < len ? full : len;
        __wasip2_iov_scatter(iov, niov, (const char *)c->data, n);
        if (truncated) *truncated = full > len;
        if (!peek) q_pop(q);
        return (flags & MSG_TRUNC) ? (ssize_t)full : (ssize_t)n;
      }
      // stream: copy across chunks, in order, after the `got` bytes
      // an earlier round (MSG_WAITALL) already placed
      struct __wasip2_unix_chunk *c = q->head;
      size_t off = c->off, took = 0;
      while (got + took < len && c) {
        size_t run = c->len - off;
        if (run > len - got - took) run = len - got - took;
        scatter_at(iov, niov, got + took, c->data + off, run);
        took += run;
        off += run;
        if (off == c->len) { c = c->next; off = c ? c->off : 0; }
      }
      if (!peek) consume(q, took);
      got += took;
      if (!waitall || got == len) return got;
      continue;
    }
    if (got && !waitall) return got;
    if (p->err[e->me]) {
      if (got) return got;
      errno = p->err[e->me];
      p->err[e->me] = 0;
      return -1;
    }
    if (p->shut[e->me] & WASIP2_SHUT_R) return got;
    if (nonblock) {
      if (got) return got;
      errno = EAGAIN;
      return -1;
    }
    if (wait_more(p, &dl) < 0 && !q->head) {
      if (got) return got;
      return -1;
    }
  }
}

static ssize_t send_core(struct __wasip2_unix_end *e, int nonblock, const struct iovec *iov, int niov, size_t len) {
  struct __wasip2_unix_pair *p = e->p;
  int peer = !e->me;
  struct __wasip2_unix_queue *q = &p->q[peer];
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(e->sndtimeo_ns));
  size_t done = 0;
  for (;;) {
    if ((p->shut[e->me] & WASIP2_SHUT_W) || (p->open[peer] && (p->shut[peer] & WASIP2_SHUT_R))) {
      if (done) return done;
      errno = EPIPE;
      return -1;
    }
    if (!p->open[peer]) {
      // only a datagram end gets here: a stream end's shutdown covers it
      errno = p->refused[e->me] ? ENOTCONN : ECONNREFUSED;
      p->refused[e->me] = 1;
      return -1;
    }
    if (p->type == SOCK_DGRAM) {
      if (len > WASIP2_UNIX_CAP - 32) { errno = EMSGSIZE; return -1; }
      if (q->bytes + len <= WASIP2_UNIX_CAP) {
        struct __wasip2_unix_chunk *c = q_push(q, len);
        if (!c) return -1;
        __wasip2_iov_gather(iov, niov, (char *)c->data);
        c->len = len;
        q->bytes += len;
        return len;
      }
    } else {
      if (len == 0) return 0;
      size_t room = q->bytes < WASIP2_UNIX_CAP ? WASIP2_UNIX_CAP - q->bytes : 0;
      while (room && done < len) {
        struct __wasip2_unix_chunk *c = q->tail;
        if (!c || c->len == c->cap) {
          size_t want = len - done;
          if (want > room) want = room;
          if (want < 4096) want = 4096;
          c = q_push(q, want);
          if (!c) return done ? (ssize_t)done : -1;
        }
        size_t k = c->cap - c->len;
        if (k > len - done) k = len - done;
        if (k > room) k = room;
        // gather bytes [done, done+k) of the vector
        size_t skip = done, left = k;
        unsigned char *dst = c->data + c->len;
        for (int i = 0; i < niov && left; i++) {
          size_t l = iov[i].iov_len;
          if (skip >= l) { skip -= l; continue; }
          size_t n = l - skip;
          if (n > left) n = left;
          memcpy(dst, (const char *)iov[i].iov_base + skip, n);
          dst += n; left -= n; skip = 0;
        }
        c->len += k;
        q->bytes += k;
        room -= k;
        done += k;
      }
      if (done == len) return done;
      if (done && nonblock) return done;
    }
    if (nonblock) { errno = EAGAIN; return -1; }
    if (wait_more(p, &dl) < 0) {
      if (done) return done;
      return -1;
    }
  }
}

// Every change to a pair wakes whoever waits on it (a -pthread build).
static ssize_t unix_recv(struct __wasip2_unix_end *e, int nonblock, const struct iovec *iov, int niov, size_t len,
                         int flags, int *truncated) {
  ssize_t r = recv_core(e, nonblock, iov, niov, len, flags, truncated);
  __wasip2_inproc_wake(e->p);
  return r;
}

static ssize_t unix_send(struct __wasip2_unix_end *e, int nonblock, const struct iovec *iov, int niov, size_t len) {
  ssize_t r = send_core(e, nonblock, iov, niov, len);
  __wasip2_inproc_wake(e->p);
  return r;
}

ssize_t __wasip2_unix_recvmsg(struct __wasip2_desc *d, struct msghdr *msg, int flags) {
  if (!msg) { errno = EFAULT; return -1; }
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (flags & ~(MSG_PEEK | MSG_DONTWAIT | MSG_WAITALL | MSG_TRUNC | MSG_NOSIGNAL)) { errno = EOPNOTSUPP; return -1; }
  size_t total;
  int last;
  if (__wasip2_iov_scan(msg->msg_iov, msg->msg_iovlen, &total, &last) < 0) return -1;
  int trunc = 0;
  ssize_t r = unix_recv(d->impl, (d->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT), msg->msg_iov,
                        msg->msg_iovlen, total, flags, &trunc);
  if (r < 0) return r;
  // the peer of a socketpair has no name: an empty address, as on Linux
  if (msg->msg_name) msg->msg_namelen = 0;
  msg->msg_controllen = 0;
  msg->msg_flags = trunc ? MSG_TRUNC : 0;
  return r;
}

ssize_t __wasip2_unix_sendmsg(struct __wasip2_desc *d, const struct msghdr *msg, int flags) {
  struct __wasip2_unix_end *e = d->impl;
  if (!msg) { errno = EFAULT; return -1; }
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (msg->msg_name && msg->msg_namelen) {
    // a connected stream refuses an address; naming another AF_UNIX
    // socket needs the file system's socket files, which WASI lacks
    errno = e->p->type == SOCK_STREAM ? EISCONN : EOPNOTSUPP;
    return -1;
  }
  if (msg->msg_controllen) { errno = EOPNOTSUPP; return -1; } // no SCM_RIGHTS
  size_t total;
  int last;
  if (__wasip2_iov_scan(msg->msg_iov, msg->msg_iovlen, &total, &last) < 0) return -1;
  return unix_send(e, (d->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT), msg->msg_iov, msg->msg_iovlen, total);
}

static ssize_t end_read(struct __wasip2_desc *d, void *buf, size_t len) {
  struct iovec v = {buf, len};
  if (len && !buf) { errno = EFAULT; return -1; }
  return unix_recv(d->impl, d->flags & O_NONBLOCK, &v, 1, len, 0, NULL);
}

static ssize_t end_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  struct iovec v = {(void *)buf, len};
  if (len && !buf) { errno = EFAULT; return -1; }
  return unix_send(d->impl, d->flags & O_NONBLOCK, &v, 1, len);
}

static ssize_t end_readv(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  struct msghdr m = {0};
  m.msg_iov = (struct iovec *)iov;
  m.msg_iovlen = n;
  return __wasip2_unix_recvmsg(d, &m, 0);
}

static ssize_t end_writev(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  struct msghdr m = {0};
  m.msg_iov = (struct iovec *)iov;
  m.msg_iovlen = n;
  return __wasip2_unix_sendmsg(d, &m, 0);
}

static short end_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)ctx;
  struct __wasip2_unix_end *e = d->impl;
  struct __wasip2_unix_pair *p = e->p;
  short r = 0;
  int shut = p->shut[e->me];
  if (p->err[e->me]) r |= POLLERR;
  if (shut == (WASIP2_SHUT_R | WASIP2_SHUT_W)) r |= POLLHUP;
  if (shut & WASIP2_SHUT_R) r |= WASIP2_POLL_RDHUP | POLLIN | POLLRDNORM;
  if (p->q[e->me].head) r |= POLLIN | POLLRDNORM;
  if (p->q[!e->me].bytes < WASIP2_UNIX_CAP) r |= POLLOUT | POLLWRNORM;
  return r & (events | POLLERR | POLLHUP);
}

static int end_close(struct __wasip2_desc *d) {
  struct __wasip2_unix_end *e = d->impl;
  struct __wasip2_unix_pair *p = e->p;
  int peer = !e->me;
  p->open[e->me] = 0;
  if (p->open[peer] && p->type == SOCK_STREAM) {
    // unread bytes die with this end: the peer sees a reset (Linux)
    if (p->q[e->me].head) p->err[peer] = ECONNRESET;
    p->shut[peer] = WASIP2_SHUT_R | WASIP2_SHUT_W;
  }
  if (p->open[peer]) __wasip2_inproc_wake(p);
  // what was sent to the peer stays readable by it
  q_free(&p->q[e->me]);
  if (!p->open[peer]) {
    q_free(&p->q[peer]);
    free(p);
  }
  free(e);
  d->impl = NULL;
  return 0;
}

static const struct __wasip2_ops unix_ops = {
  .read = end_read,
  .write = end_write,
  .readv = end_readv,
  .writev = end_writev,
  .fstat = __wasip2_unix_fstat,
  .close = end_close,
  .poll = end_poll,
  .ioctl = __wasip2_unix_ioctl,
  .sock_errno = EINVAL, // a socket, but already connected and unnamed
};

int socketpair(int domain, int type, int protocol, int sv[2]) {
  int flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC);
  type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (domain != AF_UNIX) {
    errno = domain == AF_INET || domain == AF_INET6 ? EOPNOTSUPP : EAFNOSUPPORT;
    return -1;
  }
  if (type != SOCK_STREAM && type != SOCK_DGRAM) { errno = EPROTONOSUPPORT; return -1; }
  if (protocol != 0) { errno = EPROTONOSUPPORT; return -1; }
  if (!sv) { errno = EFAULT; return -1; }
  struct __wasip2_unix_pair *p = calloc(1, sizeof *p);
  struct __wasip2_unix_end *a = malloc(sizeof *a), *b = malloc(sizeof *b);
  int fl = O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0);
  struct __wasip2_desc *da = NULL, *db = NULL;
  if (p && a && b) {
    da = __wasip2_desc_new(WASIP2_KIND_UNIX, &unix_ops, fl, a);
    db = __wasip2_desc_new(WASIP2_KIND_UNIX, &unix_ops, fl, b);
  }
  if (!da || !db) {
    free(da); free(db); free(p); free(a); free(b);
    errno = ENOMEM;
    return -1;
  }
  p->type = type;
  p->open[0] = p->open[1] = 1;
  *a = (struct __wasip2_unix_end){p, 0, 0, 0};
  *b = (struct __wasip2_unix_end){p, 1, 0, 0};
  int fa = __wasip2_fd_install(da, 0);
  if (fa < 0) { free(da); free(db); free(p); free(a); free(b); return -1; }
  int fb = __wasip2_fd_install(db, 0);
  if (fb < 0) { int e = errno; free(db); free(b); p->open[1] = 0; __wasip2_fd_close(fa); errno = e; return -1; }
  if (flags & SOCK_CLOEXEC) {
    __wasip2_fd_setfdflags(fa, WASIP2_FD_CLOEXEC);
    __wasip2_fd_setfdflags(fb, WASIP2_FD_CLOEXEC);
  }
  sv[0] = fa;
  sv[1] = fb;
  return 0;
}
