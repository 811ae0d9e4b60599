// fstat(2) for every kind of fd.
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "wasip2_fd.h"

int fstat(int fd, struct stat *st) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!st) { errno = EFAULT; return -1; }
  if (d->ops->fstat) return d->ops->fstat(d, st);
  memset(st, 0, sizeof *st);
  st->st_nlink = 1;
  st->st_blksize = 4096;
  switch (d->kind) {
    case WASIP2_KIND_TCP: case WASIP2_KIND_UDP: st->st_mode = S_IFSOCK | 0600; break;
    case WASIP2_KIND_DEV: case WASIP2_KIND_STREAM: st->st_mode = S_IFCHR | 0600; break;
    default: st->st_mode = 0600; break;
  }
  return 0;
}
