// readlink(2) relative to the cwd.
#include <unistd.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

ssize_t readlink(const char *restrict path, char *restrict buf, size_t len) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_readlinkat(dirfd, rel, buf, len);
}
