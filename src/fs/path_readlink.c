// readlink(2): readlinkat at the cwd.
#include <fcntl.h>
#include <unistd.h>

ssize_t readlink(const char *restrict path, char *restrict buf, size_t len) {
  return readlinkat(AT_FDCWD, path, buf, len);
}
