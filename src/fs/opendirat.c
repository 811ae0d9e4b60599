// opendirat: openat(O_DIRECTORY) and fdopendir (replaces Debian's
// opendirat.o, which did the same, with the same flags, through
// __wasilibc_nocwd_openat_nomode).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

DIR *opendirat(int dirfd, const char *path) {
  int fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_DIRECTORY);
  if (fd < 0) return NULL;
  DIR *d = fdopendir(fd);
  if (!d) {
    // fdopendir's errno (ENOMEM) survives the close
    int e = errno;
    close(fd);
    errno = e;
  }
  return d;
}
