// struct sockaddr_in/in6 <-> wasi ip-socket-address.  WASI ports and
// addresses are host-order numbers; the sockaddr ones are network order.
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "wasip2_net.h"

// Every address a program hands in (connect, bind, sendto, sendmsg) passes
// here first, as Linux's move_addr_to_kernel: longer than a
// sockaddr_storage is EINVAL, bytes the program does not have are EFAULT.
int __wasip2_sockaddr_check(const struct sockaddr *sa, socklen_t len) {
  size_t n = len;
  if (len > sizeof(struct sockaddr_storage)) return EINVAL;
  if (len && (!sa || __wasip2_span(sa, &n) < 0)) return EFAULT;
  return 0;
}

int __wasip2_sockaddr_to_wasi(const struct sockaddr *sa, socklen_t len, int family,
                              wasi_sockets_network_ip_socket_address_t *out) {
  int e = __wasip2_sockaddr_check(sa, len);
  if (e) return e;
  if (!sa || len < (socklen_t)sizeof(sa_family_t)) return EINVAL;
  memset(out, 0, sizeof *out);
  if (sa->sa_family == AF_INET) {
    if (len < (socklen_t)sizeof(struct sockaddr_in)) return EINVAL;
    if (family != AF_INET) return EAFNOSUPPORT;
    const struct sockaddr_in *in = (const void *)sa;
    const unsigned char *b = (const unsigned char *)&in->sin_addr;
    out->tag = WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4;
    out->val.ipv4.port = ntohs(in->sin_port);
    out->val.ipv4.address.f0 = b[0];
    out->val.ipv4.address.f1 = b[1];
    out->val.ipv4.address.f2 = b[2];
    out->val.ipv4.address.f3 = b[3];
    return 0;
  }
  if (sa->sa_family == AF_INET6) {
    if (len < (socklen_t)offsetof(struct sockaddr_in6, sin6_scope_id) + 4) return EINVAL;
    if (family != AF_INET6) return EAFNOSUPPORT;
    const struct sockaddr_in6 *in6 = (const void *)sa;
    const unsigned char *b = in6->sin6_addr.s6_addr;
    uint16_t w[8];
    for (int i = 0; i < 8; i++) w[i] = (uint16_t)(b[2 * i] << 8 | b[2 * i + 1]);
    out->tag = WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV6;
    out->val.ipv6.port = ntohs(in6->sin6_port);
    out->val.ipv6.flow_info = in6->sin6_flowinfo;
    out->val.ipv6.scope_id = in6->sin6_scope_id;
    out->val.ipv6.address.f0 = w[0]; out->val.ipv6.address.f1 = w[1];
    out->val.ipv6.address.f2 = w[2]; out->val.ipv6.address.f3 = w[3];
    out->val.ipv6.address.f4 = w[4]; out->val.ipv6.address.f5 = w[5];
    out->val.ipv6.address.f6 = w[6]; out->val.ipv6.address.f7 = w[7];
    return 0;
  }
  return EAFNOSUPPORT;
}

// Truncates to *len like the kernel does, and reports the full size.
void __wasip2_sockaddr_from_wasi(const wasi_sockets_network_ip_socket_address_t *a,
                                 struct sockaddr *sa, socklen_t *len) {
  union { struct sockaddr_in in; struct sockaddr_in6 in6; } u;
  socklen_t n;
  memset(&u, 0, sizeof u);
  if (a->tag == WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4) {
    unsigned char *b = (unsigned char *)&u.in.sin_addr;
    u.in.sin_family = AF_INET;
    u.in.sin_port = htons(a->val.ipv4.port);
    b[0] = a->val.ipv4.address.f0; b[1] = a->val.ipv4.address.f1;
    b[2] = a->val.ipv4.address.f2; b[3] = a->val.ipv4.address.f3;
    n = sizeof u.in;
  } else {
    const wasi_sockets_network_ipv6_address_t *w = &a->val.ipv6.address;
    uint16_t v[8] = {w->f0, w->f1, w->f2, w->f3, w->f4, w->f5, w->f6, w->f7};
    u.in6.sin6_family = AF_INET6;
    u.in6.sin6_port = htons(a->val.ipv6.port);
    u.in6.sin6_flowinfo = a->val.ipv6.flow_info;
    u.in6.sin6_scope_id = a->val.ipv6.scope_id;
    for (int i = 0; i < 8; i++) {
      u.in6.sin6_addr.s6_addr[2 * i] = v[i] >> 8;
      u.in6.sin6_addr.s6_addr[2 * i + 1] = v[i] & 0xff;
    }
    n = sizeof u.in6;
  }
  if (sa && len) memcpy(sa, &u, *len < n ? *len : n);
  if (len) *len = n;
}

void __wasip2_sockaddr_any(int family, wasi_sockets_network_ip_socket_address_t *out) {
  memset(out, 0, sizeof *out);
  out->tag = family == AF_INET6 ? WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV6
                                : WASI_SOCKETS_NETWORK_IP_SOCKET_ADDRESS_IPV4;
}
