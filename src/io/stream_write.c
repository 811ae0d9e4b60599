// Write to a wasi:io output-stream: the stream core of stdio and host
// pipes.  Blocking writes go out in pieces of at most 4096 bytes (the limit
// of blocking-write-and-flush), one host call each; non-blocking writes
// take what check-write permits and never more (the Node host traps on an
// over-long write).  With other threads (-pthread) a blocking write goes
// through src/io/stream_write_ex.c instead, referenced weakly: the
// scheduler links it, so a program without threads imports none of it.
#include <errno.h>
#include "wasip2_fd.h"

#pragma weak __wasip2_stream_write_shared

#define WASIP2_BLOCKING_WRITE_MAX 4096

ssize_t __wasip2_stream_write(wasi_io_streams_output_stream_t out, const void *buf, size_t len, int nonblock) {
  const uint8_t *p = buf;
  size_t done = 0;
  wasi_io_streams_stream_error_t err;
  if (len == 0) return 0; // nothing to write: no check-write round trip
  if (nonblock) {
    uint64_t permitted;
    if (!wasi_io_streams_output_stream_check_write(out, &permitted, &err)) goto fail;
    if (permitted == 0) { errno = EAGAIN; return -1; }
    size_t n = len < permitted ? len : (size_t)permitted;
    wasip2_list_u8_t l = { (uint8_t *)p, n };
    if (!wasi_io_streams_output_stream_write(out, &l, &err)) goto fail;
    return n;
  }
  if (__wasip2_stream_write_shared && __wasip2_wait_hooks.others && __wasip2_wait_hooks.others())
    return __wasip2_stream_write_shared(out, p, len);
  while (done < len) {
    size_t n = len - done;
    if (n > WASIP2_BLOCKING_WRITE_MAX) n = WASIP2_BLOCKING_WRITE_MAX;
    wasip2_list_u8_t l = { (uint8_t *)p + done, n };
    if (!wasi_io_streams_output_stream_blocking_write_and_flush(out, &l, &err)) goto fail;
    done += n;
  }
  return done;
fail:
  errno = __wasip2_stream_errno(&err, EPIPE);
  if (done) return done;
  return -1;
}
