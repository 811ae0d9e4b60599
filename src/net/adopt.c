// <wasi/descriptors.h>: fds that adopt a tcp-socket or udp-socket (and
// their streams) made elsewhere, owned by libc from then on.  An adopted
// socket is an ordinary description: its state is asked from the host
// once, here, and everything after is what socket() fds do.
#include <errno.h>
#include <sys/socket.h>
#include <wasi/descriptors.h>
#include "wasip2_net.h"

static int install(struct __wasip2_sock *s, int flags) {
  if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) {
    __wasip2_dual_free(s); // drops what was adopted
    errno = EINVAL;
    return -1;
  }
  return __wasip2_sock_install(s, flags);
}

int wasip2_fd_adopt_tcp_socket(int32_t h, int32_t in, int32_t out, int flags) {
  if (!h || (!in != !out)) {
    // a half-given pair cannot be used; still, ownership passed
    if (in) wasi_io_streams_input_stream_drop(in);
    if (out) wasi_io_streams_output_stream_drop(out);
    if (h) wasi_sockets_tcp_tcp_socket_drop(h);
    errno = EINVAL;
    return -1;
  }
  int fam = wasi_sockets_tcp_tcp_socket_address_family(h) == WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV6 ? AF_INET6 : AF_INET;
  struct __wasip2_sock *s = __wasip2_sock_new(fam, SOCK_STREAM);
  if (!s) {
    if (in) wasi_io_streams_input_stream_drop(in);
    if (out) wasi_io_streams_output_stream_drop(out);
    wasi_sockets_tcp_tcp_socket_drop(h);
    return -1;
  }
  s->h = h;
  s->v6only = 1; // no twin can be made for a socket bound elsewhere
  wasi_sockets_network_ip_socket_address_t a;
  wasi_sockets_network_error_code_t err;
  bool b;
  if (in) {
    s->in = in;
    s->out = out;
    s->state = WASIP2_SK_CONNECTED;
  } else if (wasi_sockets_tcp_tcp_socket_is_listening(h)) {
    s->state = WASIP2_SK_LISTENING;
  } else if (wasi_sockets_tcp_tcp_socket_local_address(h, &a, &err)) {
    s->state = WASIP2_SK_BOUND;
  }
  if (wasi_sockets_tcp_tcp_socket_keep_alive_enabled(h, &b, &err)) s->keepalive = b;
  return install(s, flags);
}

int wasip2_fd_adopt_udp_socket(int32_t h, int32_t in, int32_t out, int flags) {
  if (!h || (!in != !out)) {
    if (in) wasi_sockets_udp_incoming_datagram_stream_drop(in);
    if (out) wasi_sockets_udp_outgoing_datagram_stream_drop(out);
    if (h) wasi_sockets_udp_udp_socket_drop(h);
    errno = EINVAL;
    return -1;
  }
  int fam = wasi_sockets_udp_udp_socket_address_family(h) == WASI_SOCKETS_NETWORK_IP_ADDRESS_FAMILY_IPV6 ? AF_INET6 : AF_INET;
  struct __wasip2_sock *s = __wasip2_sock_new(fam, SOCK_DGRAM);
  if (!s) {
    if (in) wasi_sockets_udp_incoming_datagram_stream_drop(in);
    if (out) wasi_sockets_udp_outgoing_datagram_stream_drop(out);
    wasi_sockets_udp_udp_socket_drop(h);
    return -1;
  }
  s->h = h;
  s->v6only = 1;
  wasi_sockets_network_ip_socket_address_t a;
  wasi_sockets_network_error_code_t err;
  if (in) {
    s->dg_in = in;
    s->dg_out = out;
    s->state = WASIP2_SK_BOUND;
    if (wasi_sockets_udp_udp_socket_remote_address(h, &a, &err)) {
      s->peer = a;
      s->has_peer = 1;
      s->state = WASIP2_SK_CONNECTED;
    }
  } else if (wasi_sockets_udp_udp_socket_local_address(h, &a, &err)) {
    s->state = WASIP2_SK_BOUND;
    // as bind() does: the host receives only once the streams exist
    if (__wasip2_udp_streams(s, NULL) < 0) {
      int e = errno;
      __wasip2_dual_free(s);
      errno = e;
      return -1;
    }
  }
  return install(s, flags);
}
