// stdin: the top half's FILE for fd 0 with a 4096-byte buffer (Debian's has
// BUFSIZ, 1024), so a program reading a 20 KB script through stdio makes 5
// reads instead of 20.  Reading is the top half's __stdio_read.
#include "wasip2_stdio.h"

static unsigned char buf[WASIP2_UNGET + WASIP2_STDIO_BUFSIZ];

struct __wasip2_file __stdin_FILE = {
  .buf = buf + WASIP2_UNGET,
  .buf_size = WASIP2_STDIO_BUFSIZ,
  .fd = 0,
  .flags = WASIP2_F_PERM | WASIP2_F_NOWR,
  .read = __stdio_read,
  .seek = __stdio_seek,
  .close = __stdio_close,
};
FILE *const stdin = (FILE *)&__stdin_FILE;
FILE *volatile __stdin_used = (FILE *)&__stdin_FILE;
