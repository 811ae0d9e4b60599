// Reading fd 0: kept apart from stdio.c so that programs which never read
// (hello world) do not link the stream-read path; read() and readv()
// reference this and so bring it in whenever fd 0 can be read.
#include "wasip2_fd.h"

ssize_t __wasip2_stdin_read(int32_t stream, void *buf, size_t len, int nonblock) {
  return __wasip2_stream_read(stream, buf, len, nonblock, NULL);
}
