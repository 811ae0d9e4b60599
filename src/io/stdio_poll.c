// poll() on fds 0-2: the stream's pollable, made on first need and kept
// (src/io/stdio.c drops it with the stream).  Its own object, linked by
// poll.c, so programs that never poll import no output-stream.subscribe.
#include <poll.h>
#include "wasip2_fd.h"

short __wasip2_stdio_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  struct __wasip2_stdio *s = d->impl;
  short want = s->which == 0 ? (events & (POLLIN | POLLRDNORM)) : (events & (POLLOUT | POLLWRNORM));
  if (!want) return 0;
  if (s->pollable < 0) {
    s->pollable = s->which == 0 ? wasi_io_streams_input_stream_subscribe(__wasip2_stdio_handle(s))
                                : wasi_io_streams_output_stream_subscribe(__wasip2_stdio_handle(s));
  }
  __wasip2_poll_add(ctx, s->pollable, want);
  return 0;
}
