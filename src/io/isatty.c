// isatty(3): the kind's isatty op answers; only the stdio streams have one
// (src/io/stdio.c), as the host's wasi:cli/terminal-* interfaces say.
#include <errno.h>
#include <unistd.h>
#include "wasip2_fd.h"
#include "wasip2_top.h"

int __isatty(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return 0;
  if (d->ops->isatty && d->ops->isatty(d)) return 1;
  errno = ENOTTY;
  return 0;
}

int isatty(int fd) __attribute__((weak, alias("__isatty")));
