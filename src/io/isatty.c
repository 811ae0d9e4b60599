// isatty(3): the kind's isatty op answers; only the stdio streams have one
// (src/io/stdio_isatty.c), as the host's wasi:cli/terminal-* interfaces say.
#include <errno.h>
#include <unistd.h>
#include "wasip2_fd.h"
#include "wasip2_top.h"

// The ops answer; this reference only links the one kind's op that can say
// yes (stdio.c refers to it weakly, so programs that never ask link none).
__attribute__((used)) static int (*const pull_stdio_isatty)(struct __wasip2_desc *) = __wasip2_stdio_isatty;

int __isatty(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return 0;
  if (d->ops->isatty && d->ops->isatty(d)) return 1;
  errno = ENOTTY;
  return 0;
}

int isatty(int fd) __attribute__((weak, alias("__isatty")));
