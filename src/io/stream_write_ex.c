// The waiting half of the stream write core: TCP's writes (src/net/
// tcp_ops.c) and, with other threads (-pthread), blocking writes of stdio
// and host pipes.  One rule for all: a blocking write of at most 4096 bytes
// that fits the host's buffer is one blocking-write-and-flush, unless the
// wait core needs the wait back (an alarm, other threads:
// __wasip2_wait_cut_short); everything else writes what check-write
// permits (the Node host traps past it) and waits on the stream's pollable
// in the wait core between, where the thread parks and signals interrupt.
// Kept apart from stream_write.c so a program that only prints imports none
// of check-write/subscribe/write/flush.
#include <errno.h>
#include "wasip2_fd.h"

ssize_t __wasip2_stream_write_ex(wasi_io_streams_output_stream_t out, const struct __wasip2_wstate *w,
                                 const void *buf, size_t len, int64_t timeout_ns, int flush) {
  const uint8_t *p = buf;
  wasi_io_streams_stream_error_t e;
  size_t sent = 0;
  if (len == 0) return 0;
  // The host accepts a blocking-write-and-flush only when its buffer has
  // room for it: true when nothing is queued, or within a known permit.
  if (timeout_ns < 0 && len <= 4096 && (!*w->unflushed || *w->budget >= len) && !__wasip2_wait_cut_short()) {
    wasip2_list_u8_t l = {(uint8_t *)buf, len};
    if (!wasi_io_streams_output_stream_blocking_write_and_flush(out, &l, &e)) goto fail;
    *w->unflushed = 0;
    return len;
  }
  struct __wasip2_deadline dl = WASIP2_DEADLINE(timeout_ns);
  while (sent < len) {
    if (!*w->budget) {
      uint64_t n;
      if (!wasi_io_streams_output_stream_check_write(out, &n, &e)) goto fail;
      *w->budget = n;
      if (n > *w->wmax) *w->wmax = n;
      if (!n) {
        if (timeout_ns == 0) break;
        if (!*w->pollable) *w->pollable = wasi_io_streams_output_stream_subscribe(out);
        int r = __wasip2_wait(*w->pollable, __wasip2_deadline_left(&dl));
        if (r < 0 && !sent) return -1; // EINTR; after a partial send, its count
        if (r <= 0) break;
        continue;
      }
    }
    size_t k = len - sent;
    if (k > *w->budget) k = (size_t)*w->budget;
    wasip2_list_u8_t l = {(uint8_t *)p + sent, k};
    if (!wasi_io_streams_output_stream_write(out, &l, &e)) goto fail;
    *w->budget -= k;
    *w->unflushed = 1;
    sent += k;
  }
  if (flush && sent) {
    // started, not waited for: the next check-write waits for it
    if (!wasi_io_streams_output_stream_flush(out, &e)) goto fail;
    *w->budget = 0;
    *w->unflushed = 0;
  }
  if (!sent) { errno = EAGAIN; return -1; }
  return sent;
fail:
  // 0.2.0 stream errors name no cause: a broken pipe (or reset) it is
  __wasip2_stream_errno(&e, EPIPE);
  if (w->err) *w->err = EPIPE;
  errno = EPIPE;
  return sent ? (ssize_t)sent : -1;
}

ssize_t __wasip2_stream_write_shared(wasi_io_streams_output_stream_t out, const void *buf, size_t len) {
  wasi_io_poll_pollable_t pl = 0;
  uint64_t budget = 0, wmax = 0;
  int unflushed = 0;
  struct __wasip2_wstate w = {&pl, &budget, &wmax, &unflushed, NULL};
  ssize_t r = __wasip2_stream_write_ex(out, &w, buf, len, -1, 1);
  if (pl) wasi_io_poll_pollable_drop(pl);
  return r;
}
