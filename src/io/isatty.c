// isatty(3): only the stdio streams can be terminals, as the host's
// wasi:cli/terminal-* interfaces say.
#include <errno.h>
#include <unistd.h>
#include "wasip2_fd.h"

int __wasip2_stdio_isatty(struct __wasip2_desc *d); // src/io/stdio.c

int __isatty(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return 0;
  if (d->kind == WASIP2_KIND_STREAM && __wasip2_stdio_isatty(d)) return 1;
  errno = ENOTTY;
  return 0;
}

int isatty(int fd) __attribute__((weak, alias("__isatty")));
