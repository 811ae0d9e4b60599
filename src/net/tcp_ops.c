// TCP descriptions: the data path (recv/send cores used by read/write and
// the socket calls), poll, ioctl and close.
//
// Both directions go through the stream core (src/io/stream_read.c,
// stream_write_ex.c).  Costs on the host: a recv with data ready is one
// input-stream.read that lands in the caller's buffer; a blocking send of
// <= 4096 bytes is one blocking-write-and-flush; larger or non-blocking
// sends spend the permit check-write returned before asking again.
// Stream errors carry no network code in WASI 0.2.0: an input error is
// reported as ECONNRESET, an output error as EPIPE.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <wasi/descriptors.h>
#include "wasip2_net.h"

// Through the stream core (src/io/stream_read.c): >0 bytes; 0 nothing came
// (errno EAGAIN: non-blocking or timed out, or EINTR); -1 end of stream;
// -2 error (latched: 0.2.0 streams name no cause, a reset is the likely one).
static ssize_t rd(struct __wasip2_sock *s, void *dst, size_t len, int64_t timeout_ns) {
  int eof;
  ssize_t r = __wasip2_stream_read_ex(s->in, &s->p_in, dst, len, timeout_ns, &eof);
  if (r > 0) return r;
  if (r == 0) {
    if (!eof) return 0;
    s->eof = 1;
    return -1;
  }
  if (errno == EAGAIN || errno == EINTR) return 0;
  s->in_err = ECONNRESET;
  return -2;
}

static int peek_reserve(struct __wasip2_sock *s, size_t more) {
  if (s->peek_off) {
    memmove(s->peek, s->peek + s->peek_off, s->peek_len);
    s->peek_off = 0;
  }
  if (s->peek_len + more <= s->peek_cap) return 0;
  size_t cap = s->peek_len + more;
  unsigned char *p = realloc(s->peek, cap);
  if (!p) { errno = ENOMEM; return -1; }
  s->peek = p;
  s->peek_cap = cap;
  return 0;
}

static int check_connected(struct __wasip2_sock *s, int nonblock) {
  if (s->state == WASIP2_SK_CONNECTED) return 0;
  if (s->state == WASIP2_SK_CONNECTING) {
    if (__wasip2_tcp_finish_connect(s, !nonblock) == 0) return 0;
    if (errno == EINPROGRESS || errno == EALREADY) errno = EAGAIN;
    return -1;
  }
  if (s->state == WASIP2_SK_FAILED && s->so_error) {
    errno = s->so_error;
    s->so_error = 0;
    return -1;
  }
  errno = ENOTCONN;
  return -1;
}

ssize_t __wasip2_tcp_recv(struct __wasip2_sock *s, int nonblock, void *buf, size_t len, int flags) {
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (check_connected(s, nonblock) < 0) return -1;
  if (len == 0) return 0;
  if (!buf) { errno = EFAULT; return -1; }
  if (flags & MSG_DONTWAIT) nonblock = 1;
  int peek = flags & MSG_PEEK;
  int waitall = (flags & MSG_WAITALL) && !nonblock;
  unsigned char *out = buf;
  size_t got = 0;
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(s->rcvtimeo_ns));

  if (s->peek_len) {
    size_t n = len < s->peek_len ? len : s->peek_len;
    memcpy(out, s->peek + s->peek_off, n);
    if (!peek) {
      s->peek_off += n;
      s->peek_len -= n;
      if (!s->peek_len) s->peek_off = 0;
    }
    got = n;
    if (got == len) return got;
    // more may be waiting behind what was peeked: Linux returns whatever
    // is there up to len, so look once without waiting (below)
  }
  if (s->rd_shut) return got;
  for (;;) {
    if (s->eof) return got;
    if (s->in_err) {
      if (got) return got;
      // reported once, like a socket's pending error; then end of stream
      errno = s->in_err;
      s->in_err = 0;
      s->eof = 1;
      return -1;
    }
    // One blocking-read host call, unless a timeout or the wait core needs
    // the wait back (then: read, wait on the cached pollable, read).
    int64_t timeout = nonblock || (got && !waitall) ? 0 : __wasip2_deadline_left(&dl);
    ssize_t r;
    if (peek) {
      if (peek_reserve(s, len - got) < 0) return got ? (ssize_t)got : -1;
      unsigned char *dst = s->peek + s->peek_len;
      r = rd(s, dst, len - got, timeout);
      if (r > 0) {
        memcpy(out + got, dst, r);
        s->peek_len += r;
      }
    } else {
      r = rd(s, out + got, len - got, timeout);
    }
    if (r > 0) {
      got += r;
      if (!waitall || got == len) return got;
      continue;
    }
    if (r < 0) continue;
    // nothing came: EAGAIN (non-blocking, timed out) or EINTR; a partial
    // read is kept
    if (got) return got;
    return -1;
  }
}

ssize_t __wasip2_tcp_send(struct __wasip2_sock *s, int nonblock, const void *buf, size_t len, int flags) {
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (check_connected(s, nonblock) < 0) return -1;
  if (s->wr_shut || s->out_err) { errno = EPIPE; return -1; }
  if (len == 0) return 0;
  if (!buf) { errno = EFAULT; return -1; }
  if (flags & MSG_DONTWAIT) nonblock = 1;
  // the stream core's write (src/io/stream_write_ex.c), with the socket's
  // cached permit, so a sequence of small sends costs no check-write each
  struct __wasip2_wstate w = {&s->p_out, &s->wbudget, &s->wmax, &s->unflushed, &s->out_err};
  return __wasip2_stream_write_ex(s->out, &w, buf, len, nonblock ? 0 : __wasip2_timeout_opt(s->sndtimeo_ns), 0);
}

static ssize_t tcp_read(struct __wasip2_desc *d, void *buf, size_t len) {
  return __wasip2_tcp_recv(d->impl, d->flags & O_NONBLOCK, buf, len, 0);
}

static ssize_t tcp_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  return __wasip2_tcp_send(d->impl, d->flags & O_NONBLOCK, buf, len, 0);
}

static ssize_t tcp_readv(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  return __wasip2_sock_recvv(d->impl, d, iov, n, 0, NULL, NULL, NULL);
}

static ssize_t tcp_writev(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  return __wasip2_sock_sendv(d->impl, d, iov, n, 0, NULL, 0);
}

static int tcp_fstat(struct __wasip2_desc *d, struct stat *st) {
  (void)d;
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFSOCK | 0777;
  return 0;
}

// Children (pollables, then streams) go before the socket: the host traps
// otherwise.  Blocking sends end flushed, so usually nothing is queued and
// close costs only the drops; otherwise the bytes still in the host's
// buffer linger (src/net/tcp_linger.c).
static int tcp_close(struct __wasip2_desc *d) {
  struct __wasip2_sock *s = d->impl;
  if (s->v4) __wasip2_dual_free(s->v4);
  if (__wasip2_linger_n) __wasip2_linger_reap();
  if (s->p_in) wasi_io_poll_pollable_drop(s->p_in);
  if (s->p_out) wasi_io_poll_pollable_drop(s->p_out);
  if (s->p_sock) wasi_io_poll_pollable_drop(s->p_sock);
  if (s->in) wasi_io_streams_input_stream_drop(s->in);
  if (s->out && s->unflushed && !s->out_err && s->h && !__wasip2_tcp_drained(s->out, s->wmax)) __wasip2_linger_add(s);
  if (s->out) wasi_io_streams_output_stream_drop(s->out);
  if (s->h) wasi_sockets_tcp_tcp_socket_drop(s->h);
  free(s->peek);
  free(s);
  d->impl = NULL;
  return 0;
}

static short tcp_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  struct __wasip2_sock *s = d->impl;
  short r = 0;
  switch (s->state) {
  case WASIP2_SK_FRESH:
  case WASIP2_SK_BOUND:
    return POLLOUT | POLLHUP;
  case WASIP2_SK_FAILED:
    return POLLIN | POLLOUT | POLLERR | POLLHUP;
  case WASIP2_SK_LISTENING:
    if (events & POLLIN) __wasip2_poll_add(ctx, __wasip2_sock_pollable(s), POLLIN);
    if ((events & POLLIN) && s->v4) __wasip2_poll_add(ctx, __wasip2_sock_pollable(s->v4), POLLIN); // dual stack
    return 0;
  case WASIP2_SK_CONNECTING:
    if (ctx->recheck) {
      if (__wasip2_tcp_finish_connect(s, 0) == 0) return POLLOUT;
      if (errno == EINPROGRESS || errno == EALREADY) return 0;
      return POLLIN | POLLOUT | POLLERR | POLLHUP;
    }
    __wasip2_poll_add_recheck(ctx, __wasip2_sock_pollable(s), POLLOUT);
    return 0;
  }
  // connected
  short rdhup = events & WASIP2_POLL_RDHUP;
  if (rdhup && ctx->recheck && !s->peek_len && !s->eof && !s->in_err && !s->rd_shut &&
      peek_reserve(s, 65536) == 0) {
    // epoll's EPOLLRDHUP: the input fired; only a read tells data from FIN
    ssize_t n = rd(s, s->peek, 65536, 0);
    if (n > 0) s->peek_len = n;
  }
  if (rdhup && s->eof) r |= WASIP2_POLL_RDHUP;
  if (s->eof && s->wr_shut) r |= POLLHUP;
  if (s->in_err || s->out_err) r |= POLLERR;
  if (events & (POLLIN | WASIP2_POLL_RDHUP)) {
    if (s->peek_len || s->rd_shut || s->in_err) r |= events & POLLIN;
    else if (s->eof) r |= (events & POLLIN) | POLLHUP;
    else {
      if (!s->p_in) s->p_in = wasi_io_streams_input_stream_subscribe(s->in);
      (rdhup ? __wasip2_poll_add_recheck : __wasip2_poll_add)(ctx, s->p_in, events & POLLIN);
    }
  }
  if (events & POLLOUT) {
    if (s->wr_shut || s->out_err || s->wbudget || !s->unflushed) r |= POLLOUT;
    else {
      if (!s->p_out) s->p_out = wasi_io_streams_output_stream_subscribe(s->out);
      __wasip2_poll_add(ctx, s->p_out, POLLOUT);
    }
  }
  return r;
}

static int tcp_ioctl(struct __wasip2_desc *d, int req, void *arg) {
  struct __wasip2_sock *s = d->impl;
  if (req != FIONREAD) { errno = ENOTTY; return -1; }
  if (!arg) { errno = EFAULT; return -1; }
  if (s->state == WASIP2_SK_LISTENING) { errno = EINVAL; return -1; }
  if (s->state == WASIP2_SK_CONNECTED && !s->peek_len && !s->eof && !s->in_err && !s->rd_shut) {
    // WASI cannot say how much is buffered: read ahead what is there
    if (peek_reserve(s, 65536) == 0) {
      ssize_t r = rd(s, s->peek, 65536, 0);
      if (r > 0) s->peek_len = r;
    }
  }
  *(int *)arg = (int)s->peek_len;
  return 0;
}

// <wasi/descriptors.h>: the socket and, once connected, its streams.
static int tcp_handles(struct __wasip2_desc *d, struct wasip2_fd_handles *h) {
  struct __wasip2_sock *s = d->impl;
  h->kind = WASIP2_FD_TCP;
  h->tcp_socket = s->h;
  h->input_stream = s->in;
  h->output_stream = s->out;
  return 0;
}

const struct __wasip2_ops __wasip2_tcp_ops = {
  .read = tcp_read,
  .write = tcp_write,
  .readv = tcp_readv,
  .writev = tcp_writev,
  .fstat = tcp_fstat,
  .close = tcp_close,
  .poll = tcp_poll,
  .ioctl = tcp_ioctl,
  .handles = tcp_handles,
};
