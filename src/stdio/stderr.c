// stderr: the top half's unbuffered FILE for fd 2, written through our
// writer (src/stdio/stdio_write.c) instead of the top half's __stdio_write,
// whose writev (and its bounce buffer) a program then links only if it
// calls writev itself.  Unbuffered, as C requires: every stdio call's bytes
// go out in one write.
#include "wasip2_stdio.h"

static unsigned char buf[WASIP2_UNGET];

struct __wasip2_file __stderr_FILE = {
  .buf = buf + WASIP2_UNGET,
  .buf_size = 0,
  .fd = 2,
  .flags = WASIP2_F_PERM | WASIP2_F_NORD,
  .lbf = -1,
  .write = __wasip2_stdio_write,
  .seek = __stdio_seek,
  .close = __stdio_close,
};
FILE *const stderr = (FILE *)&__stderr_FILE;
FILE *volatile __stderr_used = (FILE *)&__stderr_FILE;
