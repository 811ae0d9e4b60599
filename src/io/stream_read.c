// Read from a wasi:io input-stream into the caller's buffer.  The host's
// result list lands directly in `buf` (see cabi_realloc.c): one host call.
//
// With an alarm armed (src/signal/alarm.c), a blocking read must be
// interruptible, so it becomes read + wait on the stream's pollable
// (src/io/poll.c), which fails with EINTR when a handler without SA_RESTART
// ran.  The deadline reference is weak: no alarm code, no extra cost.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

uint64_t __wasip2_signal_deadline(void) __attribute__((weak));
// Weak too: only an armed alarm makes a read wait through poll.c, and
// alarm.c links it; a program without alarms links no poll machinery here.
int __wasip2_wait(wasi_io_poll_pollable_t p, int64_t timeout_ns) __attribute__((weak));
int __wasip2_thread_others(void) __attribute__((weak));  // -pthread: src/thread/coop

ssize_t __wasip2_stream_read(wasi_io_streams_input_stream_t in, void *buf, size_t len, int nonblock, int *eof) {
  if (eof) *eof = 0;
  if (len == 0) return 0;
  if (len > WASIP2_HOST_IO_MAX) len = WASIP2_HOST_IO_MAX; // a short read, as streams give
  for (;;) {
    wasip2_list_u8_t got;
    wasi_io_streams_stream_error_t err;
    bool ok;
    // Poll instead of one blocking read when an alarm may cut the wait short,
    // or when other threads (-pthread) must run meanwhile.
    int poll_wait = !nonblock && __wasip2_wait &&
                    ((__wasip2_signal_deadline && __wasip2_signal_deadline()) || (__wasip2_thread_others && __wasip2_thread_others()));
    __wasip2_land_begin(buf, len);
    if (nonblock || poll_wait) ok = wasi_io_streams_input_stream_read(in, len, &got, &err);
    else ok = wasi_io_streams_input_stream_blocking_read(in, len, &got, &err);
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
    if (nonblock) { errno = EAGAIN; return -1; }
    if (poll_wait) {
      wasi_io_poll_pollable_t p = wasi_io_streams_input_stream_subscribe(in);
      int w = __wasip2_wait(p, -1);
      wasi_io_poll_pollable_drop(p);
      if (w < 0) return -1; // EINTR
    }
  }
}
