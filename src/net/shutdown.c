// shutdown(2).  The host's tcp-socket.shutdown destroys the whole socket
// (host bug 3, issue 8), so libc gets half-close from the streams instead:
// dropping the output stream ends it, which sends the queued bytes and
// then FIN while reading goes on; SHUT_RD makes reads return 0 without a host call.
#include <errno.h>
#include <stdlib.h>
#include "wasip2_net.h"

int shutdown(int fd, int how) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_shutdown(ud, how);
  struct __wasip2_sock *s = __wasip2_sock_get(fd, NULL);
  if (!s) return -1;
  if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR) { errno = EINVAL; return -1; }
  if (s->type == SOCK_DGRAM) {
    if (!s->has_peer) { errno = ENOTCONN; return -1; }
    return 0;
  }
  if (s->state != WASIP2_SK_CONNECTED) { errno = ENOTCONN; return -1; }
  if (how & SHUT_RD) {
    s->rd_shut = 1;
    s->peek_len = s->peek_off = 0;
  }
  if ((how & SHUT_WR) && !s->wr_shut) {
    s->wr_shut = 1;
    // No flush first: dropping the output stream ends it, and the host
    // still sends what it holds, then FIN, while the socket lives on.  A
    // blocking flush would hang on a peer that does not read (Linux's
    // shutdown returns at once).
    s->unflushed = 0;
    if (s->p_out) wasi_io_poll_pollable_drop(s->p_out);
    s->p_out = 0;
    wasi_io_streams_output_stream_drop(s->out);
    s->out = 0;
  }
  return 0;
}
