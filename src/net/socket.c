// socket(2) and the helpers every socket call uses to find its socket.
// The WASI socket is created at once so that errors (no network, limits)
// surface at socket() as they do on Linux.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <netinet/in.h>
#include "wasip2_net.h"

struct __wasip2_sock *__wasip2_sock_new(int family, int type) {
  struct __wasip2_sock *s = calloc(1, sizeof *s);
  if (!s) { errno = ENOMEM; return NULL; }
  s->family = family;
  s->type = type;
  s->backlog = SOMAXCONN;
  s->v6only = 0; // Linux's default: AF_INET6 sockets are dual-stack (src/net/dualstack.c)
  return s;
}

int __wasip2_sock_install(struct __wasip2_sock *s, int flags) {
  const struct __wasip2_ops *ops = s->type == SOCK_STREAM ? &__wasip2_tcp_ops : &__wasip2_udp_ops;
  struct __wasip2_desc *d = __wasip2_desc_new(s->type == SOCK_STREAM ? WASIP2_KIND_TCP : WASIP2_KIND_UDP,
                                              ops, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0), s);
  int fd = d ? __wasip2_fd_install(d, 0) : -1;
  if (fd < 0) {
    int e = errno;
    if (d) { ops->close(d); free(d); }
    else { struct __wasip2_desc tmp = {0}; tmp.impl = s; ops->close(&tmp); }
    errno = e;
    return -1;
  }
  if (flags & SOCK_CLOEXEC) __wasip2_fd_setfdflags(fd, WASIP2_FD_CLOEXEC);
  return fd;
}

struct __wasip2_sock *__wasip2_sock_get(int fd, struct __wasip2_desc **dp) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return NULL;
  if (d->ops != &__wasip2_tcp_ops && d->ops != &__wasip2_udp_ops) {
    // other kinds say which errno (a socketpair end: EINVAL, as Linux's
    // listen/accept do; bind and connect too, here)
    errno = d->ops->sock_errno ? d->ops->sock_errno : ENOTSOCK;
    return NULL;
  }
  if (dp) *dp = d;
  return d->impl;
}

wasi_io_poll_pollable_t __wasip2_sock_pollable(struct __wasip2_sock *s) {
  if (!s->p_sock)
    s->p_sock = s->type == SOCK_STREAM ? wasi_sockets_tcp_tcp_socket_subscribe(s->h)
                                       : wasi_sockets_udp_udp_socket_subscribe(s->h);
  return s->p_sock;
}

int socket(int domain, int type, int protocol) {
  int flags = type & (SOCK_NONBLOCK | SOCK_CLOEXEC);
  type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (domain != AF_INET && domain != AF_INET6) { errno = EAFNOSUPPORT; return -1; }
  if (type != SOCK_STREAM && type != SOCK_DGRAM) {
    // Linux, for AF_INET/AF_INET6 as an unprivileged user: a raw socket is
    // EPROTONOSUPPORT, a type with no protocol behind it ESOCKTNOSUPPORT,
    // a number that is no type at all EINVAL.
    errno = type == SOCK_RAW ? EPROTONOSUPPORT
          : type == SOCK_SEQPACKET || type == SOCK_RDM ? ESOCKTNOSUPPORT : EINVAL;
    return -1;
  }
  // Linux: a protocol number outside IP's range (IPPROTO_MAX, 263) is EINVAL
  if (protocol < 0 || protocol >= 263) { errno = EINVAL; return -1; }
  if (protocol != 0 && !(type == SOCK_STREAM && protocol == IPPROTO_TCP) &&
      !(type == SOCK_DGRAM && protocol == IPPROTO_UDP)) {
    errno = EPROTONOSUPPORT;
    return -1;
  }
  wasi_sockets_network_ip_address_family_t fam =
      domain == AF_INET6 ? WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV6 : WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV4;
  wasi_sockets_network_error_code_t err;
  int32_t h;
  bool ok = type == SOCK_STREAM ? wasi_sockets_tcp_create_socket_create_tcp_socket(fam, &h, &err)
                                : wasi_sockets_udp_create_socket_create_udp_socket(fam, &h, &err);
  if (!ok) { errno = __wasip2_net_errno(err); return -1; }
  struct __wasip2_sock *s = __wasip2_sock_new(domain, type);
  if (!s) {
    if (type == SOCK_STREAM) wasi_sockets_tcp_tcp_socket_drop(h); else wasi_sockets_udp_udp_socket_drop(h);
    return -1;
  }
  s->h = h;
  return __wasip2_sock_install(s, flags);
}
