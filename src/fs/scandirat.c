// scandirat (scandir is src/fs/path_opendir.c): open the directory, read
// it with readdir, filter, sort with qsort.
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

int scandirat(int dirfd, const char *path, struct dirent ***namelist,
              int (*filter)(const struct dirent *),
              int (*compar)(const struct dirent **, const struct dirent **)) {
  int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return -1;
  DIR *dir = fdopendir(fd);
  if (!dir) { close(fd); return -1; }
  struct dirent **list = NULL, *e;
  size_t n = 0, cap = 0;
  int saved = errno, failed = 0;
  errno = 0;
  while ((e = readdir(dir))) {
    if (filter && !filter(e)) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      struct dirent **grown = realloc(list, cap * sizeof *list);
      if (!grown) { failed = 1; break; }
      list = grown;
    }
    size_t size = offsetof(struct dirent, d_name) + strlen(e->d_name) + 1;
    if (!(list[n] = malloc(size))) { failed = 1; break; }
    memcpy(list[n++], e, size);
  }
  if (errno) failed = 1;
  int err = failed ? (errno ? errno : ENOMEM) : saved;
  closedir(dir);
  if (failed) {
    while (n) free(list[--n]);
    free(list);
    errno = err;
    return -1;
  }
  if (compar && n > 1) qsort(list, n, sizeof *list, (int (*)(const void *, const void *))compar);
  *namelist = list;
  errno = err;
  return n;
}
