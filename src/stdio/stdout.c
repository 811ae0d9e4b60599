// stdout: the top half's FILE for fd 1 with a 4096-byte buffer (Debian's
// has BUFSIZ, 1024: four host calls where one would do) and our whole-block
// writer.  Line buffered until the first write finds fd 1 is not a
// terminal, as the top half decides it.
#include "wasip2_stdio.h"

static unsigned char buf[WASIP2_UNGET + WASIP2_STDIO_BUFSIZ];

// First write: fully buffered from now on unless fd 1 is a terminal (or
// setvbuf chose).  This first one still goes out whole, as the top half's
// did: a program that prints a line and then crashes keeps its line.
static size_t stdout_first_write(FILE *file, const unsigned char *s, size_t len) {
  struct __wasip2_file *f = (struct __wasip2_file *)file;
  int lbf = !(f->flags & WASIP2_F_SVB) && !__isatty(f->fd) ? -1 : f->lbf;
  f->write = __wasip2_stdio_write;
  size_t n = __wasip2_stdio_write(file, s, len);
  f->lbf = lbf;
  return n;
}

struct __wasip2_file __stdout_FILE = {
  .buf = buf + WASIP2_UNGET,
  .buf_size = WASIP2_STDIO_BUFSIZ,
  .fd = 1,
  .flags = WASIP2_F_PERM | WASIP2_F_NORD,
  .lbf = '\n',
  .write = stdout_first_write,
  .seek = __stdio_seek,
  .close = __stdio_close,
};
FILE *const stdout = (FILE *)&__stdout_FILE;
FILE *volatile __stdout_used = (FILE *)&__stdout_FILE;
