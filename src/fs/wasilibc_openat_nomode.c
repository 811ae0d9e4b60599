// __wasilibc_openat_nomode: openat without the variadic mode (upstream's
// <wasi/libc.h>); files it creates get openat's default mode.
#include <fcntl.h>
#include <wasi/libc.h>

int __wasilibc_openat_nomode(int fd, const char *path, int oflag) {
  return openat(fd, path, oflag, 0666);
}
