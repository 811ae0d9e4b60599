// statvfs/fstatvfs: wasi:filesystem 0.2.0 has no file-system query, so the
// answer is what Linux gives for a file system that does not say (proc,
// sysfs): sizes and inode counts 0 ("unknown", never invented numbers a
// program might plan disk use with), a 4096-byte block, NAME_MAX 255, and
// f_fsid the file's st_dev, so two paths on one preopen compare equal.  The
// path (or fd) is checked first: a missing one is ENOENT/EBADF as usual.
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include "wasip2_fs.h"

static int fill(struct statvfs *buf, const struct stat *st) {
  memset(buf, 0, sizeof *buf);
  buf->f_bsize = buf->f_frsize = 4096;
  buf->f_fsid = (unsigned long)st->st_dev;
  buf->f_flag = ST_NOSUID;  // no set-uid programs can exist here
  buf->f_namemax = NAME_MAX;
  return 0;
}

int statvfs(const char *restrict path, struct statvfs *restrict buf) {
  struct stat st;
  if (stat(path, &st) < 0) return -1;
  return fill(buf, &st);
}

int fstatvfs(int fd, struct statvfs *buf) {
  struct stat st;
  if (fstat(fd, &st) < 0) return -1;
  return fill(buf, &st);
}
