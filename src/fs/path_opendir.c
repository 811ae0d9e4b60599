// opendir(3) and scandir(3) relative to the cwd.
#include <dirent.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

DIR *opendir(const char *path) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_opendirat(dirfd, rel);
}

int scandir(const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **)) {
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_scandirat(dirfd, rel, list, filter, compar);
}
