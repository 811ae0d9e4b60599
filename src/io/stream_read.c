// Read from a wasi:io input-stream into the caller's buffer.  The host's
// result list lands directly in `buf` (see cabi_realloc.c): one host call.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_fd.h"

ssize_t __wasip2_stream_read(wasi_io_streams_input_stream_t in, void *buf, size_t len, int nonblock, int *eof) {
  if (eof) *eof = 0;
  if (len == 0) return 0;
  for (;;) {
    wasip2_list_u8_t got;
    wasi_io_streams_stream_error_t err;
    bool ok;
    __wasip2_land_begin(buf, len);
    if (nonblock) ok = wasi_io_streams_input_stream_read(in, len, &got, &err);
    else ok = wasi_io_streams_input_stream_blocking_read(in, len, &got, &err);
    int landed = __wasip2_land_end();
    if (!ok) {
      if (err.tag == WASI_IO_STREAMS_STREAM_ERROR_CLOSED) { if (eof) *eof = 1; return 0; }
      errno = __wasip2_stream_errno(&err, 0, EIO);
      return -1;
    }
    if (!landed && got.len) {
      memcpy(buf, got.ptr, got.len);
      free(got.ptr);
    }
    if (got.len) return got.len;
    if (nonblock) { errno = EAGAIN; return -1; }
  }
}
