// open(2) and upstream's __wasilibc_open_nomode (what the top half's fopen
// and truncate call): openat at the cwd.  The mode argument is never read,
// as by openat: WASI has no permission bits.
#include <fcntl.h>
#include <wasi/libc.h>

int __wasilibc_open_nomode(const char *path, int oflag) {
  return openat(AT_FDCWD, path, oflag);
}

int open(const char *path, int oflag, ...) {
  return openat(AT_FDCWD, path, oflag);
}
