// A blocking stream write while other threads exist (-pthread): it must
// not hold the one wasm thread while the host's buffer is full, so it
// writes what check-write permits and waits on the stream's pollable in
// the wait core between (the thread parks, the others run), then starts
// the flush.  Linked by the scheduler (src/thread/coop/wait_io.c).
#include <errno.h>
#include "wasip2_fd.h"

ssize_t __wasip2_stream_write_shared(wasi_io_streams_output_stream_t out, const void *buf, size_t len) {
  const uint8_t *p = buf;
  wasi_io_streams_stream_error_t err;
  wasi_io_poll_pollable_t pl = 0;
  size_t done = 0;
  int bad = 0;
  while (done < len) {
    uint64_t permitted;
    if (!wasi_io_streams_output_stream_check_write(out, &permitted, &err)) { bad = 1; break; }
    if (permitted == 0) {
      if (!pl) pl = wasi_io_streams_output_stream_subscribe(out);
      if (__wasip2_wait_ex(pl, -1, WASIP2_WAIT_RESTART) < 0) break;  // EINTR
      continue;
    }
    size_t n = len - done < permitted ? len - done : (size_t)permitted;
    wasip2_list_u8_t l = {(uint8_t *)p + done, n};
    if (!wasi_io_streams_output_stream_write(out, &l, &err)) { bad = 1; break; }
    done += n;
  }
  // start the flush (it completes in the background, as a blocking
  // write's would have before it returned)
  if (!bad && done && !wasi_io_streams_output_stream_flush(out, &err)) bad = 1;
  if (pl) wasi_io_poll_pollable_drop(pl);
  if (bad) {
    errno = __wasip2_stream_errno(&err, EPIPE);
    if (done) return done;
  }
  return done ? (ssize_t)done : -1;
}
