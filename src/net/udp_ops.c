// UDP descriptions: datagram streams (opened at bind so nothing sent to
// the socket is lost, host bug 2 in issue 8), send/recv cores, poll, close.
// A send spends the datagram permit check-send returned before asking again.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <wasi/descriptors.h>
#include "wasip2_net.h"

static void drop_streams(struct __wasip2_sock *s) {
  if (s->p_dg_in) wasi_io_poll_pollable_drop(s->p_dg_in);
  if (s->p_dg_out) wasi_io_poll_pollable_drop(s->p_dg_out);
  if (s->dg_in) wasi_sockets_udp_incoming_datagram_stream_drop(s->dg_in);
  if (s->dg_out) wasi_sockets_udp_outgoing_datagram_stream_drop(s->dg_out);
  s->p_dg_in = s->p_dg_out = 0;
  s->dg_in = s->dg_out = 0;
  s->send_budget = 0;
}

static void free_list(wasip2_list_wasi_sockets_udp_incoming_datagram_t *l);

// Move every datagram already waiting in the incoming stream into s->held,
// so replacing the streams (connect) loses none of them.
static void hold_waiting(struct __wasip2_sock *s) {
  struct __wasip2_dgram **tail = &s->held;
  while (*tail) tail = &(*tail)->next;
  for (;;) {
    wasip2_list_wasi_sockets_udp_incoming_datagram_t l;
    if (!wasi_sockets_udp_incoming_datagram_stream_receive(s->dg_in, 64, &l, NULL) || !l.len) return;
    for (size_t i = 0; i < l.len; i++) {
      struct __wasip2_dgram *g = malloc(sizeof *g);
      if (!g) break;
      g->next = NULL;
      g->data = l.ptr[i].data.len ? l.ptr[i].data.ptr : NULL;
      g->len = l.ptr[i].data.len;
      g->from = l.ptr[i].remote_address;
      l.ptr[i].data.len = 0; // ownership moved to the held list
      *tail = g;
      tail = &g->next;
    }
    free_list(&l);
  }
}

int __wasip2_udp_streams(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *peer) {
  if (s->dg_in) hold_waiting(s);
  drop_streams(s);
  wasip2_option_wasi_sockets_network_ip_socket_address_t opt;
  memset(&opt, 0, sizeof opt);
  if (peer) { opt.is_some = true; opt.val = *peer; }
  if (peer && s->host4) __wasip2_addr_unmap(peer, &opt.val); // dual stack
  wasip2_tuple2_wasi_sockets_udp_incoming_datagram_stream_wasi_sockets_udp_outgoing_datagram_stream_t io;
  wasi_sockets_network_error_code_t err;
  if (!wasi_sockets_udp_udp_socket_stream(s->h, &opt, &io, &err)) {
    errno = __wasip2_net_errno(err);
    return -1;
  }
  s->dg_in = io.f0;
  s->dg_out = io.f1;
  return 0;
}

static void free_list(wasip2_list_wasi_sockets_udp_incoming_datagram_t *l) {
  for (size_t i = 0; i < l->len; i++)
    if (l->ptr[i].data.len) free(l->ptr[i].data.ptr);
  if (l->len) free(l->ptr);
}

// One receive(1): 1 on a datagram (kept in the peek slot), 0 none, -1 error.
static int fetch(struct __wasip2_sock *s) {
  if (s->held) {
    struct __wasip2_dgram *g = s->held;
    s->held = g->next;
    s->dpeek = g->data;
    s->dpeek_len = g->len;
    s->dpeek_from = g->from;
    s->dpeek_valid = 1;
    free(g);
    return 1;
  }
  if (!s->dg_in) { errno = ENOTCONN; return -1; }
  wasip2_list_wasi_sockets_udp_incoming_datagram_t l;
  wasi_sockets_network_error_code_t err;
  if (!wasi_sockets_udp_incoming_datagram_stream_receive(s->dg_in, 1, &l, &err)) {
    errno = __wasip2_net_errno(err);
    return -1;
  }
  if (!l.len) return 0;
  s->dpeek = l.ptr[0].data.len ? l.ptr[0].data.ptr : NULL;
  s->dpeek_len = l.ptr[0].data.len;
  s->dpeek_from = l.ptr[0].remote_address;
  s->dpeek_valid = 1;
  l.ptr[0].data.len = 0; // ownership moved to the peek slot
  free_list(&l);
  return 1;
}

// fetch() for a dual-stack socket too: its IPv4 twin's datagrams come
// through the same peek slot, taking turns with the IPv6 ones.
static int fetch_any(struct __wasip2_sock *s) {
  struct __wasip2_sock *t = s->v4;
  if (!t) return fetch(s);
  int first = s->v4_turn;
  s->v4_turn ^= 1;
  for (int k = 0; k < 2; k++) {
    if (!(first ^ k)) {
      int r = fetch(s);
      if (r) return r;
      continue;
    }
    int r = t->dg_in || t->held ? fetch(t) : 0;
    if (r < 0) return r;
    if (r > 0) {
      s->dpeek = t->dpeek;
      s->dpeek_len = t->dpeek_len;
      s->dpeek_from = t->dpeek_from; // IPv4: mapped when reported
      s->dpeek_valid = 1;
      t->dpeek = NULL;
      t->dpeek_len = 0;
      t->dpeek_valid = 0;
      return 1;
    }
  }
  return 0;
}

ssize_t __wasip2_udp_recv(struct __wasip2_sock *s, int nonblock, void *buf, size_t len, int flags,
                          struct sockaddr *from, socklen_t *fromlen, int *truncated) {
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (len && !buf) { errno = EFAULT; return -1; }
  if (from && !fromlen) { errno = EFAULT; return -1; }
  if (flags & MSG_DONTWAIT) nonblock = 1;
  if (!s->dg_in && !s->held && !s->dpeek_valid) {
    if (nonblock) { errno = EAGAIN; return -1; }
    if (__wasip2_sock_bind_any(s) < 0) return -1;
  }
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(s->rcvtimeo_ns));
  int empty_wakeups = 0;
  while (!s->dpeek_valid) {
    int r = fetch_any(s);
    if (r < 0) return -1;
    if (r > 0) break;
    if (nonblock) { errno = EAGAIN; return -1; }
    if (!s->p_dg_in) s->p_dg_in = wasi_sockets_udp_incoming_datagram_stream_subscribe(s->dg_in);
    int64_t left = __wasip2_deadline_left(&dl);
    // The host leaves this pollable ready once a datagram has come, even
    // when the queue is empty again: after an empty wakeup, sleep 1 ms
    // between looks instead of spinning.
    // Signals follow the socket rule (restart under SA_RESTART unless
    // SO_RCVTIMEO is set), whatever slice the wait is cut into.
    int mode = s->rcvtimeo_ns ? WASIP2_WAIT_EINTR : WASIP2_WAIT_RESTART;
    if (empty_wakeups++ > 0 && (left < 0 || left > 1000000)) left = 1000000;
    if (empty_wakeups > 1) {
      if (__wasip2_sleep(left, mode) < 0) return -1;
      if (__wasip2_deadline_left(&dl) == 0) { errno = EAGAIN; return -1; }
      continue;
    }
    int w;
    if (s->v4 && s->v4->dg_in) {
      struct __wasip2_sock *t = s->v4;
      if (!t->p_dg_in) t->p_dg_in = wasi_sockets_udp_incoming_datagram_stream_subscribe(t->dg_in);
      wasi_io_poll_pollable_t ps[2] = {s->p_dg_in, t->p_dg_in};
      w = __wasip2_wait_any(ps, 2, left, mode);
    } else {
      w = __wasip2_wait_ex(s->p_dg_in, left, mode);
    }
    if (w < 0) return -1;
    if (!w) {
      errno = EAGAIN;
      return -1;
    }
  }
  size_t n = s->dpeek_len < len ? s->dpeek_len : len;
  if (n) memcpy(buf, s->dpeek, n);
  if (truncated) *truncated = s->dpeek_len > len;
  if (from) {
    wasi_sockets_network_ip_socket_address_t fa = s->dpeek_from;
    __wasip2_addr_user(s, &fa);
    __wasip2_sockaddr_from_wasi(&fa, from, fromlen);
  }
  size_t full = s->dpeek_len;
  if (!(flags & MSG_PEEK)) {
    free(s->dpeek);
    s->dpeek = NULL;
    s->dpeek_len = 0;
    s->dpeek_valid = 0;
  }
  return (flags & MSG_TRUNC) ? (ssize_t)full : (ssize_t)n;
}

ssize_t __wasip2_udp_send(struct __wasip2_sock *s, int nonblock, const void *buf, size_t len, int flags,
                          const struct sockaddr *to, socklen_t tolen) {
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (len && !buf) { errno = EFAULT; return -1; }
  if (flags & MSG_DONTWAIT) nonblock = 1;
  wasip2_option_wasi_sockets_network_ip_socket_address_t dest;
  memset(&dest, 0, sizeof dest);
  if (to) {
    int e = __wasip2_sockaddr_to_wasi(to, tolen, s->family, &dest.val);
    if (e) { errno = e; return -1; }
    // Linux refuses port 0 (EINVAL); the Node host would trap on it
    int port = dest.val.tag == WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4 ? dest.val.val.ipv4.port : dest.val.val.ipv6.port;
    if (port == 0) { errno = EINVAL; return -1; }
    if (s->has_peer) {
      // the host only sends to the connected peer
      if (memcmp(&dest.val, &s->peer, sizeof dest.val)) { errno = EISCONN; return -1; }
    } else {
      dest.is_some = true;
    }
  } else if (!s->has_peer) {
    errno = EDESTADDRREQ;
    return -1;
  }
  if (len > 65507) { errno = EMSGSIZE; return -1; }
  if (!s->dg_out && __wasip2_sock_bind_any(s) < 0) return -1;
  wasi_sockets_network_ip_socket_address_t a4;
  if (dest.is_some && s->family == AF_INET6 && __wasip2_addr_unmap(&dest.val, &a4)) {
    // dual stack: to ::ffff:a.b.c.d through the IPv4 twin or host socket
    if (s->v4) {
      struct sockaddr_in to4;
      socklen_t l4 = sizeof to4;
      __wasip2_sockaddr_from_wasi(&a4, (struct sockaddr *)&to4, &l4);
      return __wasip2_udp_send(s->v4, nonblock, buf, len, flags, (struct sockaddr *)&to4, l4);
    }
    if (s->host4) dest.val = a4;
  }
  wasi_sockets_network_error_code_t err;
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(s->sndtimeo_ns));
  while (!s->send_budget) {
    uint64_t n;
    if (!wasi_sockets_udp_outgoing_datagram_stream_check_send(s->dg_out, &n, &err)) {
      errno = __wasip2_net_errno(err);
      return -1;
    }
    s->send_budget = n;
    if (n) break;
    if (nonblock) { errno = EAGAIN; return -1; }
    if (!s->p_dg_out) s->p_dg_out = wasi_sockets_udp_outgoing_datagram_stream_subscribe(s->dg_out);
    int64_t left = __wasip2_deadline_left(&dl);
    int w = __wasip2_wait(s->p_dg_out, left);
    if (w < 0) return -1; // EINTR
    if (!w) { errno = EAGAIN; return -1; }
  }
  wasi_sockets_udp_outgoing_datagram_t dg;
  dg.data.ptr = (uint8_t *)buf;
  dg.data.len = len;
  dg.remote_address = dest;
  wasip2_list_wasi_sockets_udp_outgoing_datagram_t l = {&dg, 1};
  uint64_t sent;
  if (!wasi_sockets_udp_outgoing_datagram_stream_send(s->dg_out, &l, &sent, &err)) {
    errno = __wasip2_net_errno(err);
    if (err == WASI_SOCKETS_NETWORK_ERROR_CODE_INVALID_ARGUMENT) errno = EDESTADDRREQ;
    return -1;
  }
  s->send_budget--;
  if (!sent) { errno = EAGAIN; return -1; }
  return len;
}

static ssize_t udp_read(struct __wasip2_desc *d, void *buf, size_t len) {
  return __wasip2_udp_recv(d->impl, d->flags & O_NONBLOCK, buf, len, 0, NULL, NULL, NULL);
}

static ssize_t udp_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  return __wasip2_udp_send(d->impl, d->flags & O_NONBLOCK, buf, len, 0, NULL, 0);
}

static ssize_t udp_readv(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  return __wasip2_sock_recvv(d->impl, d, iov, n, 0, NULL, NULL, NULL);
}

static ssize_t udp_writev(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  return __wasip2_sock_sendv(d->impl, d, iov, n, 0, NULL, 0);
}

static int udp_fstat(struct __wasip2_desc *d, struct stat *st) {
  (void)d;
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFSOCK | 0777;
  return 0;
}

static int udp_close(struct __wasip2_desc *d) {
  struct __wasip2_sock *s = d->impl;
  if (s->v4) __wasip2_dual_free(s->v4);
  drop_streams(s);
  if (s->p_sock) wasi_io_poll_pollable_drop(s->p_sock);
  if (s->h) wasi_sockets_udp_udp_socket_drop(s->h);
  free(s->dpeek);
  while (s->held) {
    struct __wasip2_dgram *g = s->held;
    s->held = g->next;
    free(g->data);
    free(g);
  }
  free(s);
  d->impl = NULL;
  return 0;
}

static short udp_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  struct __wasip2_sock *s = d->impl;
  short r = 0;
  if (ctx->recheck) {
    // the incoming pollable fired: make sure a datagram is really there
    // (and keep it, so the recv that follows costs no host call)
    if (!s->dpeek_valid && (s->dg_in || s->held || s->v4) && fetch_any(s) < 0) return POLLERR;
    return s->dpeek_valid ? POLLIN : 0;
  }
  if (events & POLLIN) {
    if (s->dpeek_valid || s->held) r |= POLLIN;
    else if (s->dg_in) {
      if (!s->p_dg_in) s->p_dg_in = wasi_sockets_udp_incoming_datagram_stream_subscribe(s->dg_in);
      __wasip2_poll_add_recheck(ctx, s->p_dg_in, POLLIN);
      struct __wasip2_sock *t = s->v4; // dual stack: the IPv4 twin's datagrams too
      if (t && t->dg_in) {
        if (!t->p_dg_in) t->p_dg_in = wasi_sockets_udp_incoming_datagram_stream_subscribe(t->dg_in);
        __wasip2_poll_add_recheck(ctx, t->p_dg_in, POLLIN);
      }
    }
  }
  if (events & POLLOUT) {
    if (!s->dg_out || s->send_budget) r |= POLLOUT;
    else {
      if (!s->p_dg_out) s->p_dg_out = wasi_sockets_udp_outgoing_datagram_stream_subscribe(s->dg_out);
      __wasip2_poll_add(ctx, s->p_dg_out, POLLOUT);
    }
  }
  return r;
}

static int udp_ioctl(struct __wasip2_desc *d, int req, void *arg) {
  struct __wasip2_sock *s = d->impl;
  if (req != FIONREAD) { errno = ENOTTY; return -1; }
  if (!arg) { errno = EFAULT; return -1; }
  // Linux: size of the next datagram
  if (!s->dpeek_valid && (s->dg_in || s->held) && fetch_any(s) < 0) return -1;
  *(int *)arg = s->dpeek_valid ? (int)s->dpeek_len : 0;
  return 0;
}

// <wasi/descriptors.h>: the socket and, once bound, its datagram streams.
static int udp_handles(struct __wasip2_desc *d, struct wasip2_fd_handles *h) {
  struct __wasip2_sock *s = d->impl;
  h->kind = WASIP2_FD_UDP;
  h->udp_socket = s->h;
  h->incoming_datagrams = s->dg_in;
  h->outgoing_datagrams = s->dg_out;
  return 0;
}

const struct __wasip2_ops __wasip2_udp_ops = {
  .read = udp_read,
  .write = udp_write,
  .readv = udp_readv,
  .writev = udp_writev,
  .fstat = udp_fstat,
  .close = udp_close,
  .poll = udp_poll,
  .ioctl = udp_ioctl,
  .handles = udp_handles,
};
