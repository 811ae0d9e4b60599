// statvfs/fstatvfs: wasi:filesystem 0.2.0 has no file-system query.  The
// path (or fd) is checked, then the call fails with ENOTSUP rather than
// inventing sizes a program might plan disk use with.
#include <errno.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include "wasip2_fs.h"

int statvfs(const char *restrict path, struct statvfs *restrict buf) {
  struct stat st;
  (void)buf;
  if (stat(path, &st) < 0) return -1;
  errno = ENOTSUP;
  return -1;
}

int fstatvfs(int fd, struct statvfs *buf) {
  (void)buf;
  if (!__wasip2_fd_get(fd)) return -1;
  errno = ENOTSUP;
  return -1;
}
