// bind(2), and the bind every implicit-bind path (UDP sendto/connect,
// listen without bind) shares.
#include <errno.h>
#include "wasip2_net.h"

// Linux leaves a socket whose bind failed unbound, so the program may bind it
// again (e.g. try the next port).  A WASI socket whose finish-bind failed may
// stay stuck in its bind state (the Node host's UDP sockets do: a retry gets
// invalid-state), so swap in a fresh host socket.  Nothing hangs off it yet
// except its pollable; the only option libc applied to the host is keep-alive.
static void renew(struct __wasip2_sock *s) {
  wasi_sockets_network_ip_address_family_t fam = s->family == AF_INET6 && !s->host4
      ? WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV6 : WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4;
  wasi_sockets_network_error_code_t err;
  int32_t h;
  bool tcp = s->type == SOCK_STREAM;
  bool ok = tcp ? wasi_sockets_tcp_create_socket_create_tcp_socket(fam, &h, &err)
                : wasi_sockets_udp_create_socket_create_udp_socket(fam, &h, &err);
  if (!ok) return; // keep the old one: a retry then reports what the host says
  if (s->p_sock) wasi_io_poll_pollable_drop(s->p_sock);
  s->p_sock = 0;
  if (tcp) wasi_sockets_tcp_tcp_socket_drop(s->h); else wasi_sockets_udp_udp_socket_drop(s->h);
  s->h = h;
  if (tcp && s->keepalive) wasi_sockets_tcp_tcp_socket_set_keep_alive_enabled(h, true, &err);
}

static int bind_one(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a);

static int is_any6(const wasi_sockets_network_ip_socket_address_t *a) {
  const wasi_sockets_network_ipv6_address_t *w = &a->val.ipv6.address;
  return a->tag == WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV6 &&
         !(w->f0 | w->f1 | w->f2 | w->f3 | w->f4 | w->f5 | w->f6 | w->f7);
}

int __wasip2_sock_bind(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a) {
  // dual stack (src/net/dualstack.c): `::` binds IPv4 too, and a
  // v4-mapped address binds an IPv4 host socket
  if (s->family == AF_INET6 && !s->v6only) {
    wasi_sockets_network_ip_socket_address_t a4;
    if (__wasip2_addr_unmap(a, &a4)) {
      if (!s->host4 && __wasip2_dual_host4(s) < 0) return -1;
      return bind_one(s, &a4);
    }
    if (is_any6(a) && !s->host4) return __wasip2_dual_bind(s, a, bind_one);
  }
  return bind_one(s, a);
}

static int bind_one(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a) {
  wasi_sockets_network_error_code_t err;
  wasi_sockets_network_network_t net = __wasip2_network();
  bool tcp = s->type == SOCK_STREAM;
  bool ok = tcp ? wasi_sockets_tcp_tcp_socket_start_bind(s->h, net, a, &err)
                : wasi_sockets_udp_udp_socket_start_bind(s->h, net, a, &err);
  if (!ok) {
    errno = err == WASI_SOCKETS_NETWORK_ERROR_CODE_INVALID_STATE ? EINVAL : __wasip2_net_errno(err);
    return -1;
  }
  for (;;) {
    // the host binds asynchronously: waiting first saves a failed finish
    __wasip2_wait_ex(__wasip2_sock_pollable(s), -1, WASIP2_WAIT_NOINTR);
    ok = tcp ? wasi_sockets_tcp_tcp_socket_finish_bind(s->h, &err)
             : wasi_sockets_udp_udp_socket_finish_bind(s->h, &err);
    if (ok) break;
    if (err != WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK) {
      errno = __wasip2_net_errno(err);
      renew(s);
      return -1;
    }
  }
  s->state = WASIP2_SK_BOUND;
  // The host only starts receiving datagrams once the streams exist
  // (host bug 2, issue 8): open them now so nothing sent to us is lost.
  if (!tcp && __wasip2_udp_streams(s, NULL) < 0) return -1;
  return 0;
}

int __wasip2_sock_bind_any(struct __wasip2_sock *s) {
  wasi_sockets_network_ip_socket_address_t a;
  __wasip2_sockaddr_any(s->host4 ? AF_INET : s->family, &a);
  return __wasip2_sock_bind(s, &a);
}

int bind(int fd, const struct sockaddr *sa, socklen_t len) {
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  wasi_sockets_network_ip_socket_address_t a;
  int e = __wasip2_sockaddr_to_wasi(sa, len, s->family, &a);
  if (e) { errno = e; return -1; }
  if (s->state != WASIP2_SK_FRESH) { errno = EINVAL; return -1; }
  return __wasip2_sock_bind(s, &a);
}
