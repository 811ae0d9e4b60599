// opendir(3) and scandir(3): opendirat/scandirat at the cwd.
#include <dirent.h>
#include <fcntl.h>

DIR *opendir(const char *path) {
  return opendirat(AT_FDCWD, path);
}

int scandir(const char *path, struct dirent ***list, int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **)) {
  return scandirat(AT_FDCWD, path, list, filter, compar);
}
