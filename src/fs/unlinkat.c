// unlinkat(2) and its two halves, upstream's __wasilibc_unlinkat and
// __wasilibc_rmdirat (unlink, rmdir and remove are src/fs/path_unlink.c).
// A preopen's root cannot go (EBUSY, as for a mount point); rmdir of a path
// ending in "." or ".." fails as on Linux before the lexical normalisation
// could turn it into another directory.
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <wasi/libc.h>
#include "wasip2_fs.h"

static int last_is_dots(const char *path) {
  size_t n = path ? strlen(path) : 0;
  while (n > 1 && path[n - 1] == '/') n--;
  size_t b = n;
  while (b > 0 && path[b - 1] != '/') b--;
  if (n - b == 1 && path[b] == '.') return 1;
  if (n - b == 2 && path[b] == '.' && path[b + 1] == '.') return 2;
  return 0;
}

int __wasilibc_unlinkat(int dirfd, const char *path) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  if (__wasip2_fs_resolve_w(dirfd, path, &at) < 0) return -1;
  if (strcmp(at.rel, ".") == 0 || last_is_dots(path)) { errno = EISDIR; return -1; }
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_unlink_file_at(at.handle, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}

int __wasilibc_rmdirat(int dirfd, const char *path) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  int dots = last_is_dots(path);
  if (dots) { errno = dots == 1 ? EINVAL : ENOTEMPTY; return -1; }
  if (__wasip2_fs_resolve_w(dirfd, path, &at) < 0) {
    // the namespace's root, like Linux's "/" (a mount point), is busy
    if (errno == EROFS && strcmp(at.abs, "/") == 0) errno = EBUSY;
    return -1;
  }
  if (strcmp(at.rel, ".") == 0) { errno = EBUSY; return -1; }
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_remove_directory_at(at.handle, &s, &err)) return __wasip2_fs_fail(err);
  return 0;
}

// unlinkat(2) replaces Debian's unlinkat.o, which took any flag other than
// AT_REMOVEDIR as "unlink the file": an unknown flag must be EINVAL (POSIX)
// and must not delete anything.
int unlinkat(int dirfd, const char *path, int flag) {
  if (flag & ~AT_REMOVEDIR) { errno = EINVAL; return -1; }
  return (flag & AT_REMOVEDIR) ? __wasilibc_rmdirat(dirfd, path) : __wasilibc_unlinkat(dirfd, path);
}
