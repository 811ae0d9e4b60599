// Dual-stack AF_INET6 sockets (IPV6_V6ONLY 0, the Linux default).  WASI
// 0.2 sockets have one family and the Node host refuses IPv4-mapped
// addresses, so libc emulates the kernel's dual stack:
//  - bound to `::`, the socket gets a hidden IPv4 twin bound to 0.0.0.0 on
//    the same port (bound first, so a taken IPv4 port fails the bind as on
//    Linux); listen, accept, recv and poll serve both, and peers that came
//    over IPv4 are reported as ::ffff:a.b.c.d;
//  - sending to ::ffff:a.b.c.d goes out through the twin; connecting to it
//    keeps only an IPv4 host socket (s->host4), whose addresses are mapped
//    back for the caller;
//  - the twin belongs to the description: one fd, closed together.
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "wasip2_net.h"

void __wasip2_addr_user(const struct __wasip2_sock *s, wasi_sockets_network_ip_socket_address_t *a) {
  if (s->family != AF_INET6 || a->tag != WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4) return;
  wasi_sockets_network_ipv4_socket_address_t v4 = a->val.ipv4;
  memset(a, 0, sizeof *a);
  a->tag = WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV6;
  a->val.ipv6.port = v4.port;
  a->val.ipv6.address.f5 = 0xffff;
  a->val.ipv6.address.f6 = (uint16_t)(v4.address.f0 << 8 | v4.address.f1);
  a->val.ipv6.address.f7 = (uint16_t)(v4.address.f2 << 8 | v4.address.f3);
}

int __wasip2_addr_unmap(const wasi_sockets_network_ip_socket_address_t *a, wasi_sockets_network_ip_socket_address_t *v4) {
  if (a->tag != WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV6) return 0;
  const wasi_sockets_network_ipv6_address_t *w = &a->val.ipv6.address;
  if (w->f0 || w->f1 || w->f2 || w->f3 || w->f4 || w->f5 != 0xffff) return 0;
  memset(v4, 0, sizeof *v4);
  v4->tag = WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4;
  v4->val.ipv4.port = a->val.ipv6.port;
  v4->val.ipv4.address.f0 = w->f6 >> 8;
  v4->val.ipv4.address.f1 = w->f6 & 0xff;
  v4->val.ipv4.address.f2 = w->f7 >> 8;
  v4->val.ipv4.address.f3 = w->f7 & 0xff;
  return 1;
}

static int host_socket(int type, int32_t *h) {
  wasi_sockets_network_error_code_t err;
  bool ok = type == SOCK_STREAM
    ? wasi_sockets_tcp_create_socket_create_tcp_socket(WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4, h, &err)
    : wasi_sockets_udp_create_socket_create_udp_socket(WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4, h, &err);
  if (!ok) { errno = __wasip2_net_errno(err); return -1; }
  return 0;
}

void __wasip2_dual_free(struct __wasip2_sock *t) {
  const struct __wasip2_ops *ops = t->type == SOCK_STREAM ? &__wasip2_tcp_ops : &__wasip2_udp_ops;
  struct __wasip2_desc tmp = {0};
  tmp.impl = t;
  ops->close(&tmp);
}

static int local_port(struct __wasip2_sock *t, int *port) {
  wasi_sockets_network_ip_socket_address_t a;
  wasi_sockets_network_error_code_t err;
  bool ok = t->type == SOCK_STREAM ? wasi_sockets_tcp_tcp_socket_local_address(t->h, &a, &err)
                                   : wasi_sockets_udp_udp_socket_local_address(t->h, &a, &err);
  if (!ok) { errno = __wasip2_net_errno(err); return -1; }
  *port = a.tag == WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4 ? a.val.ipv4.port : a.val.ipv6.port;
  return 0;
}

// The twin: an IPv4 socket of s's type bound to 0.0.0.0:*port (0: any,
// then *port is the one it got).
static struct __wasip2_sock *twin(struct __wasip2_sock *s, int *port) {
  int32_t h;
  if (host_socket(s->type, &h) < 0) return NULL;
  struct __wasip2_sock *t = __wasip2_sock_new(AF_INET, s->type);
  if (!t) {
    if (s->type == SOCK_STREAM) wasi_sockets_tcp_tcp_socket_drop(h); else wasi_sockets_udp_udp_socket_drop(h);
    return NULL;
  }
  t->h = h;
  wasi_sockets_network_ip_socket_address_t a;
  __wasip2_sockaddr_any(AF_INET, &a);
  a.val.ipv4.port = (uint16_t)*port;
  if (__wasip2_sock_bind(t, &a) < 0 || (!*port && local_port(t, port) < 0)) {
    int e = errno;
    __wasip2_dual_free(t);
    errno = e;
    return NULL;
  }
  return t;
}

int __wasip2_dual_bind(struct __wasip2_sock *s, const wasi_sockets_network_ip_socket_address_t *a,
                       int (*bind_one)(struct __wasip2_sock *, const wasi_sockets_network_ip_socket_address_t *)) {
  // An ephemeral port free on IPv4 may be taken on IPv6: try a few.
  for (int tries = 0;; tries++) {
    int port = a->val.ipv6.port;
    struct __wasip2_sock *t = twin(s, &port);
    if (!t) return -1;
    wasi_sockets_network_ip_socket_address_t a6 = *a;
    a6.val.ipv6.port = (uint16_t)port;
    if (bind_one(s, &a6) == 0) {
      s->v4 = t;
      return 0;
    }
    int e = errno;
    __wasip2_dual_free(t);
    errno = e;
    if (a->val.ipv6.port || e != EADDRINUSE || tries >= 8) return -1;
  }
}

int __wasip2_dual_host4(struct __wasip2_sock *s) {
  int32_t h;
  if (host_socket(s->type, &h) < 0) return -1;
  if (s->p_sock) wasi_io_poll_pollable_drop(s->p_sock);
  s->p_sock = 0;
  if (s->type == SOCK_STREAM) wasi_sockets_tcp_tcp_socket_drop(s->h); else wasi_sockets_udp_udp_socket_drop(s->h);
  s->h = h;
  s->host4 = 1;
  wasi_sockets_network_error_code_t err;
  if (s->type == SOCK_STREAM && s->keepalive) wasi_sockets_tcp_tcp_socket_set_keep_alive_enabled(h, true, &err);
  return 0;
}

int __wasip2_dual_keep(struct __wasip2_sock *s, int keep_v4) {
  struct __wasip2_sock *t = s->v4;
  if (!t) return 0;
  s->v4 = NULL;
  if (keep_v4) {
    // The twin's host side becomes s's; s's IPv6 one goes with the twin's
    // struct.  What the caller set on s (options, state) stays.
    struct __wasip2_sock six = *s, four = *t;
    *s = four;
    s->family = six.family;
    s->state = six.state;
    s->so_error = six.so_error;
    s->rcvtimeo_ns = six.rcvtimeo_ns;
    s->sndtimeo_ns = six.sndtimeo_ns;
    s->reuseaddr = six.reuseaddr;
    s->v6only = six.v6only;
    s->backlog = six.backlog;
    s->keepalive = six.keepalive;
    s->reuseport = six.reuseport;
    s->oobinline = six.oobinline;
    s->broadcast = six.broadcast;
    s->user_timeout_ms = six.user_timeout_ms;
    s->has_peer = six.has_peer;
    s->peer = six.peer;
    s->host4 = 1;
    s->v4 = NULL;
    *t = six;
    t->v4 = NULL;
    if (s->type == SOCK_STREAM && s->keepalive) {
      wasi_sockets_network_error_code_t err;
      wasi_sockets_tcp_tcp_socket_set_keep_alive_enabled(s->h, true, &err);
    }
  }
  __wasip2_dual_free(t);
  return 0;
}
