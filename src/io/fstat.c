// fstat(2): the kind's fstat op (every kind has one); a kind without it
// would be an anonymous object: no file type, mode 0600.
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
  st->st_mode = 0600;
  return 0;
}
