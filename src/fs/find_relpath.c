// The top half's path contract (posix.o, chdir.o): split a path into a
// "directory fd" and a path relative to it.  We return a preopen pseudo-fd
// and the normalised remainder; a failure returns an error pseudo-fd that
// carries the errno to the __wasilibc_nocwd_* call that follows, because
// posix.o replaces errno with ENOTCAPABLE when it sees -1.
//
// posix.o may hold two results at once (rename, link), so the relative
// paths rotate through two buffers.
#include <errno.h>
#include <string.h>
#include <wasi/libc-find-relpath.h>
#include "wasip2_fs.h"


static char bufs[2][PATH_MAX];
static int next;

static int split(const char *base, const char *path, const char **abs_prefix, const char **rel) {
  char abs[PATH_MAX];
  int trailing;
  const char *rest;
  char *out = bufs[next];
  next ^= 1;
  *abs_prefix = "";
  *rel = ".";
  if (__wasip2_path_normalize(base, path, abs, &trailing) < 0) return WASIP2_FS_ERROR_FD(errno);
  int i = __wasip2_preopen_match(abs, &rest);
  if (i < 0) {
    strcpy(out, abs[1] ? abs + 1 : ".");
    *rel = out;
    return WASIP2_FS_ROOT_FD;
  }
  size_t n = strlen(rest);
  memcpy(out, rest, n + 1);
  if (trailing && strcmp(rest, ".") != 0 && n + 2 < PATH_MAX) {
    // keep a final "." visible (rmdir("d/.") is EINVAL, not rmdir("d"))
    size_t k = strlen(path);
    while (k > 1 && path[k - 1] == '/') k--;
    int dot = path[k - 1] == '.' && (k == 1 || path[k - 2] == '/');
    memcpy(out + n, dot ? "/." : "/", dot ? 3 : 2);
  }
  *abs_prefix = __wasip2_preopen_get(i)->path + 1; // chdir.o adds the '/'
  *rel = out;
  return WASIP2_FS_PREOPEN_FD(i);
}

int __wasilibc_find_abspath(const char *path, const char **abs_prefix, const char **relative_path) {
  return split(NULL, path, abs_prefix, relative_path);
}

int __wasilibc_find_relpath(const char *path, const char **abs_prefix, char **relative_path, size_t relative_path_len) {
  (void)relative_path_len;
  const char *rel;
  int fd = split(__wasip2_cwd(), path, abs_prefix, &rel);
  *relative_path = (char *)rel;
  return fd;
}
