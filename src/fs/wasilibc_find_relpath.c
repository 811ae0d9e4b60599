// Upstream's preopen lookup (<wasi/libc-find-relpath.h>), kept for programs
// written against it; libc itself never calls it.  The answer comes from
// the one resolver (__wasip2_fs_resolve): the path, relative to the cwd
// (find_abspath: taken as absolute), is normalised and matched against the
// preopens.  The descriptor returned is a real directory fd for the
// preopen's root (upstream's preopens are fds too), opened by libc the
// first time it is asked for and handed out again while it stays open: it
// works with openat and every *at function.  A program may close it; the
// next lookup opens a new one.  Outside every preopen: -1 with ENOENT.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <wasi/libc-find-relpath.h>
#include "wasip2_fs.h"

static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
static int *fds;                 // per preopen index, -1 until opened
static int nfds;

static int preopen_fd(int i) {
  const struct __wasip2_preopen *p = __wasip2_preopen_get(i);
  int e = errno;
  if (i < nfds && fds[i] >= 0) {
    // still ours? (the program may have closed it, or the preopens been reset)
    struct __wasip2_fs_file *f = __wasip2_fs_file_get(fds[i], ENOTDIR, NULL);
    errno = e;
    if (f && f->preopen == i && f->is_dir == 1 && strcmp(f->path, p->path) == 0) return fds[i];
  }
  if (i >= nfds) {
    int *grown = __wasip2_realloc(fds, (i + 1) * sizeof *fds);
    if (!grown) { errno = ENOMEM; return -1; }
    while (nfds <= i) grown[nfds++] = -1;
    fds = grown;
  }
  fds[i] = openat(AT_FDCWD, p->path, O_RDONLY | O_DIRECTORY);
  return fds[i];
}

// Resolve and open: the preopen's fd, at.rel the path under it.
static int lookup(const char *path, const char **abs_prefix) {
  if (__wasip2_fs_resolve(AT_FDCWD, path, &at) < 0) return -1;
  int fd = preopen_fd(at.preopen);
  if (fd >= 0) *abs_prefix = __wasip2_preopen_get(at.preopen)->path + 1; // without its '/'
  return fd;
}

int __wasilibc_find_relpath(const char *path, const char **abs_prefix, char **relative_path, size_t relative_path_len) {
  int fd = lookup(path, abs_prefix);
  if (fd < 0) return -1;
  size_t n = strlen(at.rel) + 1;
  if (!relative_path || !*relative_path || relative_path_len < n) { errno = ERANGE; return -1; }
  memcpy(*relative_path, at.rel, n);
  return fd;
}

int __wasilibc_find_relpath_alloc(const char *path, const char **abs_prefix, char **relative_buf,
                                  size_t *relative_buf_len, int can_realloc) {
  int fd = lookup(path, abs_prefix);
  if (fd < 0) return -1;
  size_t n = strlen(at.rel) + 1;
  if (!*relative_buf || *relative_buf_len < n) {
    if (!can_realloc) { errno = ERANGE; return -1; }
    char *p = __wasip2_realloc(*relative_buf, n);
    if (!p) { errno = ENOMEM; return -1; }
    *relative_buf = p;
    *relative_buf_len = n;
  }
  memcpy(*relative_buf, at.rel, n);
  return fd;
}

// *relative_path points into this file's resolution: valid until the next
// lookup, as upstream's points into the caller's string.
int __wasilibc_find_abspath(const char *path, const char **abs_prefix, const char **relative_path) {
  static char slashed[PATH_MAX];
  if (path && path[0] && path[0] != '/') {
    // taken as absolute whatever the cwd
    size_t n = strnlen(path, PATH_MAX);
    if (n + 1 >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
    slashed[0] = '/';
    memcpy(slashed + 1, path, n + 1);
    path = slashed;
  }
  int fd = lookup(path, abs_prefix);
  if (fd >= 0) *relative_path = at.rel;
  return fd;
}
