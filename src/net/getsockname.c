// getsockname/getpeername.  An unbound socket answers the wildcard address
// without asking the host; a UDP peer is the one libc connected to.  A TCP
// connect still pending in libc may have been accepted by the peer already:
// both first try the non-blocking finish, as getsockopt(SO_ERROR) does, so
// a socketpair() emulation needs no other call to see its connection.
#include <errno.h>
#include "wasip2_net.h"

int getsockname(int fd, struct sockaddr *__restrict sa, socklen_t *__restrict len) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_name(ud, 0, sa, len);
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  if (!sa || !len) { errno = EFAULT; return -1; }
  wasi_sockets_network_ip_socket_address_t a;
  if (s->type == SOCK_STREAM && s->state == WASIP2_SK_CONNECTING) __wasip2_tcp_finish_connect(s, 0);
  if (s->state == WASIP2_SK_FRESH || s->state == WASIP2_SK_FAILED) {
    __wasip2_sockaddr_any(s->family, &a);
  } else {
    wasi_sockets_network_error_code_t err;
    bool ok = s->type == SOCK_STREAM ? wasi_sockets_tcp_tcp_socket_local_address(s->h, &a, &err)
                                     : wasi_sockets_udp_udp_socket_local_address(s->h, &a, &err);
    if (!ok) { errno = __wasip2_net_errno(err); return -1; }
    __wasip2_addr_user(s, &a);
  }
  __wasip2_sockaddr_from_wasi(&a, sa, len);
  return 0;
}

int getpeername(int fd, struct sockaddr *__restrict sa, socklen_t *__restrict len) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_name(ud, 1, sa, len);
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  wasi_sockets_network_ip_socket_address_t a;
  if (s->type == SOCK_DGRAM) {
    if (!s->has_peer) { errno = ENOTCONN; return -1; }
    a = s->peer;
  } else {
    // a failed finish leaves its error for SO_ERROR, as Linux does
    if (s->state == WASIP2_SK_CONNECTING) __wasip2_tcp_finish_connect(s, 0);
    if (s->state != WASIP2_SK_CONNECTED) { errno = ENOTCONN; return -1; }
    wasi_sockets_network_error_code_t err;
    if (!wasi_sockets_tcp_tcp_socket_remote_address(s->h, &a, &err)) { errno = ENOTCONN; return -1; }
    __wasip2_addr_user(s, &a);
  }
  // Linux: "not connected" before the buffers are looked at
  if (!sa || !len) { errno = EFAULT; return -1; }
  __wasip2_sockaddr_from_wasi(&a, sa, len);
  return 0;
}
