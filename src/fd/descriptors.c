// <wasi/descriptors.h>: the WASI handles behind an fd (borrowed), and fds
// that adopt handles made elsewhere (owned by libc from then on).  An
// adopted socket is an ordinary description: its state is asked from the
// host once, here, and everything after is what socket() fds do.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <wasi/descriptors.h>
#include "wasip2_fs.h"
#include "wasip2_net.h"

int wasip2_fd_get_handles(int fd, struct wasip2_fd_handles *h) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!h) { errno = EFAULT; return -1; }
  memset(h, 0, sizeof *h);
  // the kind's table says what it is; kinds without one live in libc only
  h->kind = WASIP2_FD_IN_PROCESS;
  return d->ops->handles ? d->ops->handles(d, h) : 0;
}

int wasip2_fd_pollable(int fd, short events, int32_t *p) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!p) { errno = EFAULT; return -1; }
  if (events != POLLIN && events != POLLOUT) { errno = EINVAL; return -1; }
  *p = 0;
  // only streams and sockets wait on the host; files are always ready and
  // in-process fds have no WASI pollable
  struct wasip2_fd_handles h;
  if (wasip2_fd_get_handles(fd, &h) < 0) return -1;
  if ((h.kind != WASIP2_FD_STDIO && h.kind != WASIP2_FD_TCP && h.kind != WASIP2_FD_UDP) || !d->ops->poll) {
    errno = ENOTSUP;
    return -1;
  }
  // what poll() would wait on: the kind's own cached pollable
  struct __wasip2_poll_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.ents = ctx.small;
  ctx.cap = 16;
  short r = d->ops->poll(d, events, &ctx);
  if (ctx.n) *p = ctx.ents[0].p;
  if (ctx.ents != ctx.small) free(ctx.ents);
  if (*p) return 0;
  if (r) return 1;
  errno = ENOTSUP; // e.g. a stdio stream asked for the other direction
  return -1;
}

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

int wasip2_fd_adopt_descriptor(int32_t h, int oflags, const char *path) {
  char abs[PATH_MAX];
  int trailing;
  const char *rest;
  wasi_filesystem_types_descriptor_type_t t;
  wasi_filesystem_types_error_code_t err;
  int e = 0;
  if (!h) e = EINVAL;
  else if (!path) e = EFAULT;
  else if (path[0] != '/') e = EINVAL;
  else if (__wasip2_path_normalize("/", path, abs, &trailing) < 0) e = errno;
  else if (!wasi_filesystem_types_descriptor_get_type(h, &t, &err)) e = __wasip2_fs_errno(err);
  if (e) {
    if (h) wasi_filesystem_types_descriptor_drop(h);
    errno = e;
    return -1;
  }
  int pre = __wasip2_preopen_match(abs, &rest); // -1 when no preopen holds it
  int is_dir = t == WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY;
  return __wasip2_fs_install(h, pre, abs, oflags & (O_ACCMODE | O_APPEND), is_dir);
}
