// accept(2)/accept4(2): one host call when a connection is pending (plus
// one for the peer address when the caller asks for it).
#include <errno.h>
#include <fcntl.h>
#include "wasip2_net.h"

int accept4(int fd, struct sockaddr *__restrict addr, socklen_t *__restrict addrlen, int flags) {
  struct __wasip2_desc *d;
  struct __wasip2_sock *s = __wasip2_sock_get(fd, &d);
  if (!s) return -1;
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) { errno = EINVAL; return -1; }
  if (s->type != SOCK_STREAM) { errno = EOPNOTSUPP; return -1; }
  if (s->state != WASIP2_SK_LISTENING) { errno = EINVAL; return -1; }
  if (addr && !addrlen) { errno = EFAULT; return -1; }
  // Linux: at RLIMIT_NOFILE the connection stays queued for a later accept
  if (!__wasip2_fd_room()) return -1;
  wasip2_tuple3_wasi_sockets_tcp_tcp_socket_wasi_io_streams_input_stream_wasi_io_streams_output_stream_t t;
  wasi_sockets_network_error_code_t err;
  struct __wasip2_deadline dl = WASIP2_DEADLINE(__wasip2_timeout_opt(s->rcvtimeo_ns));
  int from4 = s->host4;
  for (;;) {
    // a dual-stack listener takes turns with its IPv4 twin (src/net/dualstack.c)
    struct __wasip2_sock *first = s->v4 && s->v4_turn ? s->v4 : s;
    struct __wasip2_sock *second = !s->v4 ? NULL : first == s ? s->v4 : s;
    s->v4_turn ^= 1;
    if (wasi_sockets_tcp_tcp_socket_accept(first->h, &t, &err)) { from4 |= first != s; break; }
    if (err == WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK && second) {
      if (wasi_sockets_tcp_tcp_socket_accept(second->h, &t, &err)) { from4 |= second != s; break; }
    }
    if (err != WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK) { errno = __wasip2_net_errno(err); return -1; }
    if (d->flags & O_NONBLOCK) { errno = EAGAIN; return -1; }
    int64_t left = __wasip2_deadline_left(&dl);
    wasi_io_poll_pollable_t ps[2] = {__wasip2_sock_pollable(s), s->v4 ? __wasip2_sock_pollable(s->v4) : 0};
    int w = s->v4 ? __wasip2_wait_any(ps, 2, left, left < 0 ? WASIP2_WAIT_RESTART : WASIP2_WAIT_EINTR)
                  : __wasip2_wait(ps[0], left);
    if (w < 0) return -1; // EINTR
    if (!w) { errno = EAGAIN; return -1; }
  }
  struct __wasip2_sock *c = __wasip2_sock_new(s->family, SOCK_STREAM);
  if (!c) {
    wasi_io_streams_input_stream_drop(t.f1);
    wasi_io_streams_output_stream_drop(t.f2);
    wasi_sockets_tcp_tcp_socket_drop(t.f0);
    return -1;
  }
  c->h = t.f0;
  c->in = t.f1;
  c->out = t.f2;
  c->state = WASIP2_SK_CONNECTED;
  c->keepalive = s->keepalive;
  c->user_timeout_ms = s->user_timeout_ms; // inherited from the listener, as on Linux
  c->oobinline = s->oobinline;
  c->broadcast = s->broadcast;
  c->v6only = s->v6only;
  c->host4 = from4;
  if (addr) {
    wasi_sockets_network_ip_socket_address_t ra;
    if (wasi_sockets_tcp_tcp_socket_remote_address(c->h, &ra, &err)) {
      __wasip2_addr_user(c, &ra);
      __wasip2_sockaddr_from_wasi(&ra, addr, addrlen);
    } else {
      // the peer may already be gone; Linux still returns the socket
      wasi_sockets_network_ip_socket_address_t z;
      __wasip2_sockaddr_any(c->family, &z);
      __wasip2_sockaddr_from_wasi(&z, addr, addrlen);
    }
  }
  return __wasip2_sock_install(c, flags);
}

int accept(int fd, struct sockaddr *__restrict addr, socklen_t *__restrict addrlen) {
  return accept4(fd, addr, addrlen, 0);
}
