// errno for a wasi:io stream-error.  A closed stream has no detail; a failed
// operation carries an error resource we must drop.  Files can name their
// error through wasi:filesystem; for sockets WASI 0.2.0 gives no code, so
// the caller's fallback (EPIPE for output, ECONNRESET for TCP input) is used.
#include <errno.h>
#include "wasip2_fd.h"

int __wasip2_stream_errno(const wasi_io_streams_stream_error_t *e, int is_file, int fallback) {
  if (e->tag == WASI_IO_STREAMS_STREAM_ERROR_CLOSED) return fallback;
  int code = fallback;
  wasi_io_error_error_t res = e->val.last_operation_failed;
  if (is_file) {
    wasip2_option_wasi_filesystem_types_error_code_t fc;
    wasi_filesystem_types_filesystem_error_code(res, &fc);
    if (fc.is_some) code = __wasip2_fs_errno(fc.val);
  }
  wasi_io_error_error_drop(res);
  return code;
}
