// The write function of stdout and fopen'ed FILEs.  The top half's
// __stdio_write sends the buffer and the new bytes as one writev, so every
// flush of a full 1 KiB buffer cost a host call and a bounce copy.  This one
// works in whole buffers: when fully buffered it tops the buffer up with the
// new bytes, writes it (4096 bytes: one blocking-write-and-flush), sends what
// still fills whole buffers straight from the caller, and keeps the tail
// buffered -- so a stream of printf lines to a pipe costs exactly one host
// call per 4096 bytes.  Line-buffered streams and flushes (len == 0) write
// everything, buffer first, in as few write() calls as the buffer allows.
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_stdio.h"

// every byte of [p, p+n) to the fd; 0, or -1 (errno set by write)
static int write_all(int fd, const unsigned char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

size_t __wasip2_stdio_write(FILE *file, const unsigned char *s, size_t len) {
  struct __wasip2_file *f = (struct __wasip2_file *)file;
  // A tail may stay buffered only when fully buffered, asked to write new
  // bytes (not a flush) and the buffer holds whole host-call blocks.
  int keep_tail = f->lbf < 0 && len && f->buf_size >= WASIP2_STDIO_BUFSIZ;
  size_t used = f->wbase ? (size_t)(f->wpos - f->wbase) : 0;
  unsigned char *buf = f->wbase ? f->wbase : f->buf;
  size_t done = 0;       // bytes of s taken (buffered or written)

  // top the buffer up with new bytes, so it goes out in one write
  if (f->buf_size > used) {
    done = len < f->buf_size - used ? len : f->buf_size - used;
    if (done) memcpy(buf + used, s, done);
    used += done;
  }
  if (keep_tail && used < f->buf_size) goto out; // (the caller flushes only when full)
  if (used && write_all(f->fd, buf, used) < 0) { done = 0; goto fail; }
  used = 0;
  buf = f->buf;
  size_t rest = len - done;
  size_t direct = keep_tail ? rest / f->buf_size * f->buf_size : rest;
  if (direct && write_all(f->fd, s + done, direct) < 0) goto fail;
  done += direct;
  if (done < len) { // the tail, shorter than the buffer
    memcpy(buf, s + done, len - done);
    used = len - done;
  }
out:
  f->wbase = buf;
  f->wpos = buf + used;
  f->wend = f->buf + f->buf_size;
  return len;

fail:
  f->wpos = f->wbase = f->wend = 0;
  f->flags |= WASIP2_F_ERR;
  return done;
}
