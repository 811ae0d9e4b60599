// fdopen(3) and the top half's __fdopen (what fopen and tmpfile call): a
// FILE over an open fd with a 4096-byte buffer (the top half's had BUFSIZ,
// 1024) written through our whole-block writer.  Line buffered when the fd
// is a terminal, fully buffered otherwise.  Unlike the top half's, it fails
// for a bad fd (EBADF) or a mode the fd's access mode forbids (EINVAL).
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_stdio.h"

FILE *__fdopen(int fd, const char *mode) {
  if (!mode || !*mode || !strchr("rwa", *mode)) { errno = EINVAL; return NULL; }
  // the fd must exist (EBADF) and allow the mode (EINVAL), as glibc checks
  int acc = fcntl(fd, F_GETFL);
  if (acc < 0) return NULL;
  acc &= O_ACCMODE;
  int want_read = *mode == 'r' || strchr(mode, '+'), want_write = *mode != 'r' || strchr(mode, '+');
  if ((want_read && acc == O_WRONLY) || (want_write && acc == O_RDONLY)) { errno = EINVAL; return NULL; }
  struct __wasip2_file *f = malloc(sizeof *f + WASIP2_UNGET + WASIP2_STDIO_BUFSIZ);
  if (!f) return NULL;
  memset(f, 0, sizeof *f);
  if (!strchr(mode, '+')) f->flags = *mode == 'r' ? WASIP2_F_NOWR : WASIP2_F_NORD;
  if (strchr(mode, 'e')) fcntl(fd, F_SETFD, FD_CLOEXEC);
  if (*mode == 'a') {
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0 && !(fl & O_APPEND)) fcntl(fd, F_SETFL, fl | O_APPEND);
    f->flags |= WASIP2_F_APP;
  }
  f->fd = fd;
  f->buf = (unsigned char *)(f + 1) + WASIP2_UNGET;
  f->buf_size = WASIP2_STDIO_BUFSIZ;
  f->lbf = -1;
  if (!(f->flags & WASIP2_F_NOWR) && __isatty(fd)) f->lbf = '\n';
  f->read = __stdio_read;
  f->write = __wasip2_stdio_write;
  f->seek = __stdio_seek;
  f->close = __stdio_close;
  return __ofl_add((FILE *)f);
}

__attribute__((weak)) FILE *fdopen(int fd, const char *mode) { return __fdopen(fd, mode); }
