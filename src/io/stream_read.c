// Read from a wasi:io input-stream into the caller's buffer: the stream
// core of stdin, host pipes and TCP (src/net/tcp_ops.c).  The host's result
// list lands directly in `buf` (see cabi_realloc.c): one host call.
//
// A blocking read is one blocking-read host call, unless the wait core says
// the wait must come back to libc (an alarm armed, lingering closes to
// reap, other threads to run: __wasip2_wait_must_poll) or it has a
// timeout: then read, wait on the stream's pollable in the core, read.
// The core is referenced weakly: only a registered hook makes such waits
// needed, and the code that registers one links the core.
#include <errno.h>
#include <string.h>
#include "wasip2_fd.h"

#pragma weak __wasip2_wait_ex

ssize_t __wasip2_stream_read_ex(wasi_io_streams_input_stream_t in, wasi_io_poll_pollable_t *pollable, void *buf,
                                size_t len, int64_t timeout_ns, int *eof) {
  if (eof) *eof = 0;
  if (len == 0) return 0;
  if (len > WASIP2_HOST_IO_MAX) len = WASIP2_HOST_IO_MAX; // a short read, as streams give
  struct __wasip2_deadline dl = WASIP2_DEADLINE(timeout_ns);
  for (;;) {
    wasip2_list_u8_t got;
    wasi_io_streams_stream_error_t err;
    int poll_wait = timeout_ns != 0 && __wasip2_wait_ex && (timeout_ns > 0 || __wasip2_wait_must_poll());
    __wasip2_land_begin(buf, len);
    bool ok = timeout_ns == 0 || poll_wait ? wasi_io_streams_input_stream_read(in, len, &got, &err)
                                           : wasi_io_streams_input_stream_blocking_read(in, len, &got, &err);
    int landed = __wasip2_land_end();
    if (!ok) {
      if (err.tag == WASI_IO_STREAMS_STREAM_ERROR_CLOSED) { if (eof) *eof = 1; return 0; }
      errno = __wasip2_stream_errno(&err, EIO);
      return -1;
    }
    if (!landed && got.len) {
      memcpy(buf, got.ptr, got.len);
      __wasip2_free(got.ptr);
    }
    if (got.len) return got.len;
    if (timeout_ns == 0) { errno = EAGAIN; return -1; }
    if (poll_wait) {
      wasi_io_poll_pollable_t p = pollable && *pollable ? *pollable : wasi_io_streams_input_stream_subscribe(in);
      int64_t left = __wasip2_deadline_left(&dl);
      // the socket rule: restart under SA_RESTART unless a timeout is set
      int w = __wasip2_wait_ex(p, left, left < 0 ? WASIP2_WAIT_RESTART : WASIP2_WAIT_EINTR);
      if (pollable && !*pollable) *pollable = p;
      else if (!pollable) wasi_io_poll_pollable_drop(p);
      if (w < 0) return -1; // EINTR
      if (w == 0) { errno = EAGAIN; return -1; }
    }
  }
}

ssize_t __wasip2_stream_read(wasi_io_streams_input_stream_t in, void *buf, size_t len, int nonblock, int *eof) {
  return __wasip2_stream_read_ex(in, NULL, buf, len, nonblock ? 0 : -1, eof);
}
