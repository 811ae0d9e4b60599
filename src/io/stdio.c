// fds 0, 1 and 2: the wasi:cli stdin/stdout/stderr streams.  The fd table
// binds a description on first lookup with no host call; the stream itself
// is fetched (get-stdin, get-stdout, get-stderr) when a read, write, poll
// or <wasi/descriptors.h> first needs it, so fstat(0), fcntl(0, F_GETFL) or
// a file opened past fds 0-2 cost nothing.  Pollables are made once and kept.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/descriptors.h>
#include "wasip2_fd.h"

// Weak in this object (the prototypes are wasip2_fd.h's), so a program that
// only writes links neither the read path (with its alarm-aware waits) nor
// poll() nor the terminal check: read()/readv() pull in __wasip2_stdin_read
// (src/io/stdin_read.c), poll.c, the only caller of the ops' poll member,
// pulls in __wasip2_stdio_poll (src/io/stdio_poll.c), and isatty.c
// __wasip2_stdio_isatty (src/io/stdio_isatty.c).
#pragma weak __wasip2_stdin_read
#pragma weak __wasip2_stdio_poll
#pragma weak __wasip2_stdio_isatty

#define stdio_impl __wasip2_stdio

int32_t __wasip2_stdio_handle(struct __wasip2_stdio *s) {
  if (!s->stream) {
    if (s->which == 0) s->stream = wasi_cli_stdin_get_stdin();
    else if (s->which == 1) s->stream = wasi_cli_stdout_get_stdout();
    else s->stream = wasi_cli_stderr_get_stderr();
  }
  return s->stream;
}

static ssize_t stdio_read(struct __wasip2_desc *d, void *buf, size_t len) {
  struct stdio_impl *s = d->impl;
  if (s->which != 0) { errno = EBADF; return -1; }
  if (!__wasip2_stdin_read) { errno = EIO; return -1; } // unreachable: read() links it
  return __wasip2_stdin_read(__wasip2_stdio_handle(s), buf, len, d->flags & O_NONBLOCK);
}

static ssize_t stdio_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  struct stdio_impl *s = d->impl;
  if (s->which == 0) { errno = EBADF; return -1; }
  return __wasip2_stream_write(__wasip2_stdio_handle(s), buf, len, d->flags & O_NONBLOCK);
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
  if (!s->stream) return 0; // never used: never fetched
  if (s->which == 0) wasi_io_streams_input_stream_drop(s->stream);
  else wasi_io_streams_output_stream_drop(s->stream);
  s->stream = 0;
  return 0;
}

// <wasi/descriptors.h>: the one stream.
static int stdio_handles(struct __wasip2_desc *d, struct wasip2_fd_handles *h) {
  struct stdio_impl *s = d->impl;
  h->kind = WASIP2_FD_STDIO;
  if (s->which == 0) h->input_stream = __wasip2_stdio_handle(s);
  else h->output_stream = __wasip2_stdio_handle(s);
  return 0;
}

static const struct __wasip2_ops stdio_ops = {
  .read = stdio_read,
  .write = stdio_write,
  .fstat = stdio_fstat,
  .close = stdio_close,
  .poll = __wasip2_stdio_poll, // NULL unless poll.c is linked
  .isatty = __wasip2_stdio_isatty, // NULL unless isatty.c is linked
  .handles = stdio_handles,
};

// Static: each stream is bound at most once (fd_table.c), and a program that
// only prints links no allocator for its streams.  The fd table's hook for
// fds 0-2 (src/include/wasip2_fd.h): this kind provides them.
static struct stdio_impl impls[3];
static struct __wasip2_desc descs[3];

struct __wasip2_desc *__wasip2_fd_initial(int fd) {
  if (fd < 0 || fd > 2 || descs[fd].ops) return NULL;
  struct stdio_impl *s = &impls[fd];
  s->which = fd;
  s->pollable = -1;
  s->tty = -1;
  s->stream = 0; // fetched on first use (__wasip2_stdio_handle)
  struct __wasip2_desc *d = &descs[fd];
  d->refs = 0;
  d->kind = WASIP2_KIND_STREAM;
  d->ops = &stdio_ops;
  d->flags = fd == 0 ? O_RDONLY : O_WRONLY;
  d->impl = s;
  d->on_heap = 0;
  return d;
}
