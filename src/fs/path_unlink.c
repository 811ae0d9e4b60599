// unlink(2), rmdir(2) and remove(3) relative to the cwd.  remove tries
// the path as a file first, then as a directory, as the top half did.
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int unlink(const char *path) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd___wasilibc_unlinkat(dirfd, rel);
}

int rmdir(const char *path) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd___wasilibc_rmdirat(dirfd, rel);
}

int remove(const char *path) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  int r = __wasilibc_nocwd___wasilibc_unlinkat(dirfd, rel);
  if (r != 0 && (errno == EISDIR || errno == ENOTCAPABLE)) {
    r = __wasilibc_nocwd___wasilibc_rmdirat(dirfd, rel);
    // not a directory either: the file could not be removed
    if (r != 0 && errno == ENOTDIR) errno = ENOTCAPABLE;
  }
  return r;
}
