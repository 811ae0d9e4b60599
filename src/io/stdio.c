// fds 0, 1 and 2: the wasi:cli stdin/stdout/stderr streams, bound on first
// use.  Their pollables are created once and kept for every later poll().
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_fd.h"

// Weak, so a program that only writes links neither the read path (with
// its alarm-aware waits) nor poll(): read()/readv() pull in
// __wasip2_stdin_read (src/io/stdin_read.c), and only poll.c calls the
// ops' poll member, which uses __wasip2_poll_add.
ssize_t __wasip2_stdin_read(int32_t stream, void *buf, size_t len, int nonblock) __attribute__((weak));
void __wasip2_poll_add(struct __wasip2_poll_ctx *ctx, wasi_io_poll_pollable_t p, short revents) __attribute__((weak));

struct stdio_impl {
  int which;            // 0, 1 or 2
  int32_t stream;       // input-stream for 0, output-stream for 1 and 2
  int32_t pollable;     // -1 until poll() first needs it
  int tty;              // -1 unknown, 0, 1
};

static ssize_t stdio_read(struct __wasip2_desc *d, void *buf, size_t len) {
  struct stdio_impl *s = d->impl;
  if (s->which != 0) { errno = EBADF; return -1; }
  if (!__wasip2_stdin_read) { errno = EIO; return -1; } // unreachable: read() links it
  return __wasip2_stdin_read(s->stream, buf, len, d->flags & O_NONBLOCK);
}

static ssize_t stdio_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  struct stdio_impl *s = d->impl;
  if (s->which == 0) { errno = EBADF; return -1; }
  return __wasip2_stream_write(s->stream, buf, len, d->flags & O_NONBLOCK);
}

static int stdio_fstat(struct __wasip2_desc *d, struct stat *st) {
  struct stdio_impl *s = d->impl;
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFCHR | (s->which == 0 ? 0400 : 0200);
  st->st_nlink = 1;
  st->st_ino = s->which + 1;
  st->st_rdev = s->which + 1;
  st->st_blksize = 4096;
  return 0;
}

static int stdio_close(struct __wasip2_desc *d) {
  struct stdio_impl *s = d->impl;
  if (s->pollable >= 0) wasi_io_poll_pollable_drop(s->pollable);
  if (s->which == 0) wasi_io_streams_input_stream_drop(s->stream);
  else wasi_io_streams_output_stream_drop(s->stream);
  free(s);
  return 0;
}

static short stdio_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  struct stdio_impl *s = d->impl;
  short want = s->which == 0 ? (events & (POLLIN | POLLRDNORM)) : (events & (POLLOUT | POLLWRNORM));
  if (!want) return 0;
  if (s->pollable < 0) {
    s->pollable = s->which == 0 ? wasi_io_streams_input_stream_subscribe(s->stream)
                                : wasi_io_streams_output_stream_subscribe(s->stream);
  }
  __wasip2_poll_add(ctx, s->pollable, want);
  return 0;
}

// The stream behind a stdio description (<wasi/descriptors.h>), and
// whether it is the input one.
int32_t __wasip2_stdio_stream(struct __wasip2_desc *d, int *is_input) {
  struct stdio_impl *s = d->impl;
  *is_input = s->which == 0;
  return s->stream;
}

int __wasip2_stdio_isatty(struct __wasip2_desc *d) {
  struct stdio_impl *s = d->impl;
  if (s->tty < 0) {
    int tty = 0;
    if (s->which == 0) {
      wasip2_option_wasi_cli_terminal_input_terminal_input_t t;
      wasi_cli_terminal_stdin_get_terminal_stdin(&t);
      if (t.is_some) { tty = 1; wasi_cli_terminal_input_terminal_input_drop(t.val); }
    } else {
      wasip2_option_wasi_cli_terminal_output_terminal_output_t t;
      if (s->which == 1) wasi_cli_terminal_stdout_get_terminal_stdout(&t);
      else wasi_cli_terminal_stderr_get_terminal_stderr(&t);
      if (t.is_some) { tty = 1; wasi_cli_terminal_output_terminal_output_drop(t.val); }
    }
    s->tty = tty;
  }
  return s->tty;
}

static const struct __wasip2_ops stdio_ops = {
  .read = stdio_read,
  .write = stdio_write,
  .fstat = stdio_fstat,
  .close = stdio_close,
  .poll = stdio_poll,
};

struct __wasip2_desc *__wasip2_stdio_open(int fd) {
  struct stdio_impl *s = malloc(sizeof *s);
  if (!s) return NULL;
  s->which = fd;
  s->pollable = -1;
  s->tty = -1;
  if (fd == 0) s->stream = wasi_cli_stdin_get_stdin();
  else if (fd == 1) s->stream = wasi_cli_stdout_get_stdout();
  else s->stream = wasi_cli_stderr_get_stderr();
  struct __wasip2_desc *d = __wasip2_desc_new(WASIP2_KIND_STREAM, &stdio_ops, fd == 0 ? O_RDONLY : O_WRONLY, s);
  if (!d) { stdio_close(&(struct __wasip2_desc){ .impl = s }); return NULL; }
  return d;
}
