// listen(2).  An unbound socket is bound to an ephemeral port first, as
// Linux does.  The backlog goes to the host when it differs from its default.
#include <errno.h>
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

int listen(int fd, int backlog) {
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  if (s->type != SOCK_STREAM) { errno = EOPNOTSUPP; return -1; }
  if (s->state == WASIP2_SK_LISTENING) return 0;
  if (s->state != WASIP2_SK_FRESH && s->state != WASIP2_SK_BOUND) { errno = EINVAL; return -1; }
  if (s->state == WASIP2_SK_FRESH && __wasip2_sock_bind_any(s) < 0) return -1;
  if (backlog < 0) backlog = SOMAXCONN;  // Linux compares it unsigned: the maximum
  if (backlog == 0) backlog = 1;
  if (backlog > SOMAXCONN) backlog = SOMAXCONN;
  wasi_sockets_network_error_code_t err;
  if (backlog != SOMAXCONN) {
    // best effort: some hosts only take it before bind, or not at all
    wasi_sockets_tcp_tcp_socket_set_listen_backlog_size(s->h, (uint64_t)backlog, &err);
  }
  s->backlog = backlog;
  // a dual-stack socket's IPv4 twin listens first (src/net/dualstack.c)
  if (s->v4 && listen_one(s->v4) < 0) return -1;
  return listen_one(s);
}
