// pipe(2), pipe2: an in-process pipe (WASI 0.2 has none, and there is no
// second process): a 64 KiB ring buffer shared by a read-end and a write-end
// description.  It serves what single-process programs use pipes for: the
// self-pipe that wakes a poll loop (often from a signal handler), and
// buffering between two parts of one program.  Nothing here calls the host.
//
// A blocking read of an empty pipe (or write to a full one) waits in the
// wait core for another thread (-pthread) or a signal handler to change it;
// with neither possible it blocks for good, as Linux would.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "wasip2_fd.h"

#define PIPE_CAP 65536

struct pipe_buf {
  char *data;
  size_t head, len;   // ring: bytes [head, head+len) mod PIPE_CAP
  int readers, writers;
};

struct pipe_end {
  struct pipe_buf *buf;
  int is_write;
};

// Wait for the other end (another thread) or a handler to change
// something: 0 to look again, -1 with EINTR once a handler ran.
static int wait_for_change(struct pipe_buf *p) {
  return __wasip2_inproc_wait(p, -1);
}

static ssize_t pipe_read(struct __wasip2_desc *d, void *out, size_t n) {
  struct pipe_buf *p = ((struct pipe_end *)d->impl)->buf;
  if (n == 0) return 0;
  while (p->len == 0) {
    if (p->writers == 0) return 0;
    if (d->flags & O_NONBLOCK) { errno = EAGAIN; return -1; }
    if (wait_for_change(p) < 0 && p->len == 0) return -1;
  }
  size_t got = 0;
  while (got < n && p->len) {
    size_t run = PIPE_CAP - p->head;
    if (run > p->len) run = p->len;
    if (run > n - got) run = n - got;
    memcpy((char *)out + got, p->data + p->head, run);
    p->head = (p->head + run) % PIPE_CAP;
    p->len -= run;
    got += run;
  }
  __wasip2_inproc_wake(p);  // a writer waiting for room
  return got;
}

static ssize_t pipe_write(struct __wasip2_desc *d, const void *in, size_t n) {
  struct pipe_buf *p = ((struct pipe_end *)d->impl)->buf;
  size_t done = 0;
  if (p->readers == 0) { errno = EPIPE; return -1; }
  while (done < n) {
    size_t room = PIPE_CAP - p->len;
    // up to PIPE_BUF bytes go in whole or not at all (POSIX atomicity)
    if (room == 0 || (n - done <= PIPE_BUF && room < n - done)) {
      if (done) break;
      if (d->flags & O_NONBLOCK) { errno = EAGAIN; return -1; }
      if (wait_for_change(p) < 0) return -1;
      if (p->readers == 0) { errno = EPIPE; return -1; }
      continue;
    }
    size_t tail = (p->head + p->len) % PIPE_CAP;
    size_t run = PIPE_CAP - tail;
    if (run > room) run = room;
    if (run > n - done) run = n - done;
    memcpy(p->data + tail, (const char *)in + done, run);
    p->len += run;
    done += run;
  }
  __wasip2_inproc_wake(p);  // a reader waiting in another thread
  return done;
}

static short pipe_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)ctx;
  struct pipe_end *e = d->impl;
  struct pipe_buf *p = e->buf;
  short r = 0;
  if (!e->is_write) {
    if (p->len) r |= events & (POLLIN | POLLRDNORM);
    if (p->writers == 0) r |= POLLHUP;
  } else {
    if (p->readers == 0) r |= POLLERR;
    else if (p->len < PIPE_CAP) r |= events & (POLLOUT | POLLWRNORM);
  }
  return r;
}

static int pipe_fstat(struct __wasip2_desc *d, struct stat *st) {
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFIFO | 0600;
  st->st_nlink = 1;
  st->st_ino = (ino_t)(uintptr_t)((struct pipe_end *)d->impl)->buf;
  st->st_blksize = PIPE_BUF;
  st->st_size = ((struct pipe_end *)d->impl)->is_write ? 0 : (off_t)((struct pipe_end *)d->impl)->buf->len;
  return 0;
}

static int pipe_ioctl(struct __wasip2_desc *d, int req, void *arg) {
  struct pipe_end *e = d->impl;
  if (req == FIONREAD && !e->is_write) {
    if (!arg) { errno = EFAULT; return -1; }
    *(int *)arg = (int)e->buf->len;
    return 0;
  }
  errno = ENOTTY;
  return -1;
}

static int pipe_close(struct __wasip2_desc *d) {
  struct pipe_end *e = d->impl;
  struct pipe_buf *p = e->buf;
  if (e->is_write) p->writers--; else p->readers--;
  if (p->readers == 0 && p->writers == 0) { free(p->data); free(p); }
  else __wasip2_inproc_wake(p);  // EOF or EPIPE for the other end's waiter
  free(e);
  return 0;
}

static const struct __wasip2_ops pipe_ops = {
  .read = pipe_read,
  .write = pipe_write,
  .fstat = pipe_fstat,
  .close = pipe_close,
  .poll = pipe_poll,
  .ioctl = pipe_ioctl,
};

int pipe2(int fds[2], int flags) {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) { errno = EINVAL; return -1; }
  if (!fds) { errno = EFAULT; return -1; }
  struct pipe_buf *p = calloc(1, sizeof *p);
  struct pipe_end *re = malloc(sizeof *re), *we = malloc(sizeof *we);
  char *data = malloc(PIPE_CAP);
  struct __wasip2_desc *rd = NULL, *wd = NULL;
  if (p && re && we && data) {
    p->data = data;
    *re = (struct pipe_end){ p, 0 };
    *we = (struct pipe_end){ p, 1 };
    rd = __wasip2_desc_new(WASIP2_KIND_PIPE, &pipe_ops, O_RDONLY | (flags & O_NONBLOCK), re);
    wd = __wasip2_desc_new(WASIP2_KIND_PIPE, &pipe_ops, O_WRONLY | (flags & O_NONBLOCK), we);
  }
  if (!rd || !wd) {
    free(rd); free(wd); free(p); free(re); free(we); free(data);
    errno = ENOMEM;
    return -1;
  }
  p->readers = p->writers = 1;
  int r = __wasip2_fd_install(rd, 0);
  if (r < 0) { free(rd); free(wd); free(p); free(re); free(we); free(data); return -1; }
  int w = __wasip2_fd_install(wd, 0);
  if (w < 0) { free(wd); free(we); p->writers = 0; __wasip2_fd_close(r); return -1; }
  if (flags & O_CLOEXEC) { __wasip2_fd_setfdflags(r, FD_CLOEXEC); __wasip2_fd_setfdflags(w, FD_CLOEXEC); }
  fds[0] = r;
  fds[1] = w;
  return 0;
}

int pipe(int fds[2]) { return pipe2(fds, 0); }
