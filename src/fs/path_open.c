// open(2) and __wasilibc_open_nomode for paths relative to the cwd: the
// preopen-relative form, through __wasilibc_nocwd_openat_nomode (the mode
// argument is ignored, as by openat: WASI has no permission bits).
#include <fcntl.h>
#include <wasi/libc.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int __wasilibc_open_nomode(const char *path, int oflag) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_openat_nomode(dirfd, rel, oflag);
}

int open(const char *path, int oflag, ...) {
  return __wasilibc_open_nomode(path, oflag);
}
