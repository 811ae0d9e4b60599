// connect(2): TCP through start/finish-connect (EINPROGRESS when
// non-blocking, the outcome then comes from poll + SO_ERROR); UDP sets the
// default peer by reopening the datagram streams with it.
#include <errno.h>
#include <fcntl.h>
#include "wasip2_net.h"

static int dual_peer(struct __wasip2_sock *s, wasi_sockets_network_ip_socket_address_t *a);

int __wasip2_tcp_finish_connect(struct __wasip2_sock *s, int block) {
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(s->sndtimeo_ns));
  for (;;) {
    if (block) {
      // waiting first saves the would-block round trip on this host
      int64_t left = __wasip2_deadline_left(&dl);
      // Interrupted, the connect goes on in the background (Linux: EINTR,
      // then EALREADY/poll/SO_ERROR); a timeout reports EINPROGRESS.
      int w = __wasip2_wait(__wasip2_sock_pollable(s), left);
      if (w < 0) return -1;
      if (!w) { errno = EINPROGRESS; return -1; }
    }
    wasip2_tuple2_wasi_io_streams_input_stream_wasi_io_streams_output_stream_t io;
    wasi_sockets_network_error_code_t err;
    if (wasi_sockets_tcp_tcp_socket_finish_connect(s->h, &io, &err)) {
      s->in = io.f0;
      s->out = io.f1;
      s->state = WASIP2_SK_CONNECTED;
      s->so_error = 0;
      return 0;
    }
    if (err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK) {
      if (!block) { errno = EINPROGRESS; return -1; }
      continue;
    }
    s->state = WASIP2_SK_FAILED;
    s->so_error = __wasip2_net_errno(err);
    errno = s->so_error;
    return -1;
  }
}

static int tcp_connect(struct __wasip2_sock *s, struct __wasip2_desc *d, const wasi_sockets_network_ip_socket_address_t *a) {
  switch (s->state) {
  case WASIP2_SK_CONNECTING: errno = EALREADY; return -1;
  case WASIP2_SK_CONNECTED: errno = EISCONN; return -1;
  case WASIP2_SK_LISTENING: errno = EISCONN; return -1;
  case WASIP2_SK_FAILED: errno = ECONNABORTED; return -1;
  }
  wasi_sockets_network_error_code_t err;
  if (!wasi_sockets_tcp_tcp_socket_start_connect(s->h, __wasip2_network(), a, &err)) {
    errno = err == WASI_SOCKETS_NETWORK_ERROR_CODE_INVALID_ARGUMENT ? EADDRNOTAVAIL : __wasip2_net_errno(err);
    // a zero port or wildcard peer is what Linux calls ECONNREFUSED/EINVAL
    if (err == WASI_SOCKETS_NETWORK_ERROR_CODE_INVALID_ARGUMENT) {
      int port = a->tag == WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4 ? a->val.ipv4.port : a->val.ipv6.port;
      errno = port == 0 ? ECONNREFUSED : EADDRNOTAVAIL;
    }
    return -1;
  }
  s->state = WASIP2_SK_CONNECTING;
  if (d->flags & O_NONBLOCK) { errno = EINPROGRESS; return -1; }
  if (__wasip2_tcp_finish_connect(s, 1) == 0) return 0;
  if (errno != EINPROGRESS) s->so_error = 0; // reported here, not again via SO_ERROR
  return -1;
}

static int udp_connect(struct __wasip2_sock *s, const struct sockaddr *sa, socklen_t len) {
  if (sa && len >= sizeof(sa_family_t) && sa->sa_family == AF_UNSPEC) {
    if (s->state == WASIP2_SK_FRESH) return 0;
    s->has_peer = 0;
    s->state = WASIP2_SK_BOUND;
    return __wasip2_udp_streams(s, NULL);
  }
  wasi_sockets_network_ip_socket_address_t a;
  int e = __wasip2_sockaddr_to_wasi(sa, len, s->family, &a);
  if (e) { errno = e; return -1; }
  wasi_sockets_network_ip_socket_address_t user = a; // getpeername/sendto compare this one
  if (dual_peer(s, &a) < 0) return -1;
  if (s->state == WASIP2_SK_FRESH) {
    // a connected socket talks to one family: no dual-stack twin to make
    // and drop at once
    int v6only = s->v6only;
    s->v6only = 1;
    int r = __wasip2_sock_bind_any(s);
    s->v6only = v6only;
    if (r < 0) return -1;
  }
  if (__wasip2_udp_streams(s, &a) < 0) return -1;
  s->peer = user;
  s->has_peer = 1;
  s->state = WASIP2_SK_CONNECTED;
  return 0;
}

// Dual stack (src/net/dualstack.c): a v4-mapped peer is reached over an
// IPv4 host socket, any other peer over the IPv6 one; *a becomes the
// address the host socket takes.
static int dual_peer(struct __wasip2_sock *s, wasi_sockets_network_ip_socket_address_t *a) {
  wasi_sockets_network_ip_socket_address_t a4;
  if (s->family != AF_INET6 || s->v6only) return 0;
  int mapped = __wasip2_addr_unmap(a, &a4);
  if (s->v4) return __wasip2_dual_keep(s, mapped) < 0 ? -1 : dual_peer(s, a);
  if (mapped && !s->host4 && s->state == WASIP2_SK_FRESH && __wasip2_dual_host4(s) < 0) return -1;
  if (mapped && s->host4) *a = a4;
  return 0;
}

int connect(int fd, const struct sockaddr *sa, socklen_t len) {
  struct __wasip2_desc *d;
  // Linux's order: a bad fd, then the address, then "not a socket"
  if (!__wasip2_fd_get(fd)) return -1;
  int e = __wasip2_sockaddr_check(sa, len);
  if (e) { errno = e; return -1; }
  struct __wasip2_sock *s = __wasip2_sock_get(fd, &d);
  if (!s) return -1;
  if (s->type == SOCK_DGRAM) return udp_connect(s, sa, len);
  wasi_sockets_network_ip_socket_address_t a;
  e = __wasip2_sockaddr_to_wasi(sa, len, s->family, &a);
  if (e) { errno = e; return -1; }
  if (s->state != WASIP2_SK_CONNECTING && s->state != WASIP2_SK_CONNECTED && dual_peer(s, &a) < 0) return -1;
  return tcp_connect(s, d, &a);
}
