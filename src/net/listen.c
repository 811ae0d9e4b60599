// listen(2).  An unbound socket is bound to an ephemeral port first, as
// Linux does.  The backlog is clamped as Linux clamps it: compared as an
// unsigned number against the host's limit (net.core.somaxconn, which the
// host's kernel applies), so a negative backlog asks for the largest queue
// and 0 for the smallest.  A second listen() on a listening socket only
// changes the backlog, as on Linux.
#include <errno.h>
#include <limits.h>
#include "wasip2_net.h"

static int listen_one(struct __wasip2_sock *s) {
  wasi_sockets_network_error_code_t err;
  if (!wasi_sockets_tcp_tcp_socket_start_listen(s->h, &err)) { errno = __wasip2_net_errno(err); return -1; }
  for (;;) {
    if (wasi_sockets_tcp_tcp_socket_finish_listen(s->h, &err)) break;
    if (err != WASI_SOCKETS_NETWORK_ERROR_CODE_WOULD_BLOCK) { errno = __wasip2_net_errno(err); return -1; }
    __wasip2_wait_ex(__wasip2_sock_pollable(s), -1, WASIP2_WAIT_NOINTR);
  }
  s->state = WASIP2_SK_LISTENING;
  return 0;
}

// Linux: (unsigned)backlog, capped by somaxconn.  WASI refuses 0 (the host's
// kernel would make a queue of one either way) and the hosts keep the value
// in a signed 32-bit int; their kernel applies somaxconn.
static uint64_t host_backlog(int backlog) {
  unsigned u = (unsigned)backlog;
  if (u == 0) return 1;
  return u > INT_MAX ? INT_MAX : u;
}

int listen(int fd, int backlog) {
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  if (s->type != SOCK_STREAM) { errno = EOPNOTSUPP; return -1; }
  wasi_sockets_network_error_code_t err;
  uint64_t n = host_backlog(backlog);
  if (s->state == WASIP2_SK_LISTENING) {
    // best effort, as below: a host that cannot resize keeps the old queue
    if (s->v4) wasi_sockets_tcp_tcp_socket_set_listen_backlog_size(s->v4->h, n, &err);
    wasi_sockets_tcp_tcp_socket_set_listen_backlog_size(s->h, n, &err);
    s->backlog = (int)n;
    return 0;
  }
  if (s->state != WASIP2_SK_FRESH && s->state != WASIP2_SK_BOUND) { errno = EINVAL; return -1; }
  if (s->state == WASIP2_SK_FRESH && __wasip2_sock_bind_any(s) < 0) return -1;
  // best effort: some hosts only take it before bind, or not at all
  wasi_sockets_tcp_tcp_socket_set_listen_backlog_size(s->h, n, &err);
  if (s->v4) wasi_sockets_tcp_tcp_socket_set_listen_backlog_size(s->v4->h, n, &err);
  s->backlog = (int)n;
  // a dual-stack socket's IPv4 twin listens first (src/net/dualstack.c)
  if (s->v4 && listen_one(s->v4) < 0) return -1;
  return listen_one(s);
}
