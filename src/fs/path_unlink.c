// unlink(2), rmdir(2) and remove(3): the two halves of unlinkat at the
// cwd.  remove tries the path as a file first, then as a directory, as the
// top half did.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <wasi/libc.h>

int unlink(const char *path) {
  return __wasilibc_unlinkat(AT_FDCWD, path);
}

int rmdir(const char *path) {
  return __wasilibc_rmdirat(AT_FDCWD, path);
}

int remove(const char *path) {
  int r = __wasilibc_unlinkat(AT_FDCWD, path);
  if (r != 0 && (errno == EISDIR || errno == ENOTCAPABLE)) {
    r = __wasilibc_rmdirat(AT_FDCWD, path);
    // not a directory either: the file could not be removed
    if (r != 0 && errno == ENOTDIR) errno = ENOTCAPABLE;
  }
  return r;
}
