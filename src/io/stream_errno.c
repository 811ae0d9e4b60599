// errno for a wasi:io stream-error.  A closed stream has no detail; a failed
// operation carries an error resource we must drop.  Files do their I/O with
// descriptor.read/write (errors come as filesystem error-codes), so only
// stdio and TCP streams land here, and WASI 0.2.0 gives no code for those:
// the caller's fallback (EPIPE for output, ECONNRESET for TCP input) is the
// answer.  Not asking wasi:filesystem keeps that interface out of programs
// that never touch a file.
#include <errno.h>
#include "wasip2_fd.h"

int __wasip2_stream_errno(const wasi_io_streams_stream_error_t *e, int fallback) {
  if (e->tag == WASI_IO_STREAMS_STREAM_ERROR_LAST_OPERATION_FAILED)
    wasi_io_error_error_drop(e->val.last_operation_failed);
  return fallback;
}
