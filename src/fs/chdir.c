// chdir(2): the new cwd must be a directory (checked with stat; "/" always
// is).  The cwd itself lives in src/fs/cwd.c.
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasip2_fs.h"

int chdir(const char *path) {
  char abs[PATH_MAX];
  int trailing;
  struct stat st;
  if (!path) { errno = EFAULT; return -1; }
  if (__wasip2_path_normalize(__wasip2_cwd(), path, abs, &trailing) < 0) return -1;
  // "/" is the namespace's root, a directory even when no preopen is mounted there
  if (strcmp(abs, "/") != 0) {
    if (stat(abs, &st) < 0) return -1;
    if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; return -1; }
  }
  return __wasip2_cwd_set(abs);
}
