// access(2) and upstream's __wasilibc_access: faccessat at the cwd.
#include <fcntl.h>
#include <unistd.h>
#include <wasi/libc.h>

int __wasilibc_access(const char *path, int mode, int flags) {
  return faccessat(AT_FDCWD, path, mode, flags);
}

int access(const char *path, int mode) {
  return faccessat(AT_FDCWD, path, mode, 0);
}
