// mkdir(2) relative to the cwd (the mode is ignored: WASI has no
// permission bits).
#include <sys/stat.h>
#include <wasi/libc-nocwd.h>
#include "wasip2_fs.h"

int mkdir(const char *path, mode_t mode) {
  (void)mode;
  char *rel;
  int dirfd = __wasip2_relpath(path, &rel);
  return __wasilibc_nocwd_mkdirat_nomode(dirfd, rel);
}
