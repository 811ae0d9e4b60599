// fchdir: change to the path the directory fd was opened with (the cwd
// is a path, src/fs/cwd.c; WASI has no descriptor-relative cwd).
#include <errno.h>
#include <unistd.h>
#include "wasip2_fs.h"

int fchdir(int fd) {
  const char *v = __wasip2_vdir_path(fd);
  if (v) return chdir(v);
  struct __wasip2_fs_file *f = __wasip2_fs_file_get(fd, ENOTDIR, NULL);
  if (!f) return -1;
  if (f->is_dir == 0) { errno = ENOTDIR; return -1; }
  return chdir(f->path);
}
