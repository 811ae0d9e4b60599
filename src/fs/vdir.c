// Virtual directories: "/" and every other directory above a preopen that
// no preopen holds ("/" with only /data preopened, "/a" with /a/b).  Linux
// would show the real directory there; a sandbox has none, so libc makes a
// read-only one whose entries are the next component of each preopen below
// it.  It can be opened, fstat'd, stat'd, read with readdir, chdir'd into
// and used as the dirfd of *at calls; anything that would change it is
// EROFS.  No host call.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/descriptors.h>
#include "wasip2_fs.h"

// Does preopen path p lie strictly below abs?  The child's name is then at
// p + *skip, up to the next '/'.
static int below(const char *p, const char *abs, size_t *skip) {
  size_t n = strlen(abs);
  if (n == 1) { *skip = 1; return p[1] != 0; } // abs is "/"
  if (strncmp(p, abs, n) != 0 || p[n] != '/') return 0;
  *skip = n + 1;
  return 1;
}

int __wasip2_vdir_is(const char *abs) {
  const char *rest;
  size_t skip;
  int e = errno;
  if (abs[0] != '/') return 0;
  int in_preopen = __wasip2_preopen_match(abs, &rest) >= 0;
  errno = e;
  if (in_preopen) return 0;
  if (abs[1] == 0) return 1;
  for (int i = 0; i < __wasip2_preopen_count(); i++)
    if (below(__wasip2_preopen_get(i)->path, abs, &skip)) return 1;
  return 0;
}

int __wasip2_vdir_child(const char *abs, uint64_t k, const char **name, size_t *len) {
  size_t skip, skip2;
  int n = __wasip2_preopen_count();
  for (int i = 0; i < n; i++) {
    const char *p = __wasip2_preopen_get(i)->path;
    if (!below(p, abs, &skip)) continue;
    const char *c = p + skip;
    size_t cl = strcspn(c, "/");
    // a name two preopens share ("/a/x" and "/a/y" under "/") is listed once
    int seen = 0;
    for (int j = 0; j < i && !seen; j++) {
      const char *q = __wasip2_preopen_get(j)->path;
      if (below(q, abs, &skip2) && strncmp(q + skip2, c, cl) == 0 && (q[skip2 + cl] == 0 || q[skip2 + cl] == '/')) seen = 1;
    }
    if (seen) continue;
    if (k-- == 0) { *name = c; *len = cl; return 1; }
  }
  return 0;
}

int __wasip2_vdir_stat(const char *abs, struct stat *st) {
  (void)abs;
  memset(st, 0, sizeof *st);
  st->st_dev = 0x77617369;
  st->st_ino = 1; // any stable, non-zero number: nothing else has ino 1 here
  st->st_mode = S_IFDIR | 0555;
  st->st_nlink = 2;
  st->st_uid = 0; // not the program's: it cannot write here
  st->st_gid = 0;
  st->st_blksize = 4096;
  return 0;
}

static int vdir_fstat(struct __wasip2_desc *d, struct stat *st) { return __wasip2_vdir_stat(d->impl, st); }
static int vdir_close(struct __wasip2_desc *d) { __wasip2_free(d->impl); return 0; }
static ssize_t vdir_read(struct __wasip2_desc *d, void *buf, size_t len) {
  (void)d; (void)buf; (void)len;
  errno = EISDIR;
  return -1;
}
// readdir keeps its own position (the DIR cookie): the fd's offset is
// always 0, as lseek on a Linux directory fd reports before any read
static off_t vdir_seek(struct __wasip2_desc *d, off_t off, int whence) {
  (void)d;
  if ((whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) || off < 0) { errno = EINVAL; return -1; }
  return off;
}
static short vdir_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)d; (void)ctx;
  return events & (POLLIN | POLLRDNORM);
}

// <wasi/descriptors.h>: a directory, but one made by libc (no descriptor).
static int vdir_handles(struct __wasip2_desc *d, struct wasip2_fd_handles *h) {
  (void)d;
  h->kind = WASIP2_FD_DIRECTORY;
  return 0;
}

const struct __wasip2_ops __wasip2_vdir_ops = {
  .read = vdir_read,
  .seek = vdir_seek,
  .fstat = vdir_fstat,
  .close = vdir_close,
  .poll = vdir_poll,
  .handles = vdir_handles,
  .io_errno = EISDIR,
  .epoll_errno = EPERM,
};

const char *__wasip2_vdir_path(int fd) {
  int e = errno;
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  errno = e;
  return d && d->ops == &__wasip2_vdir_ops ? d->impl : NULL;
}

int __wasip2_vdir_open(const char *abs, int oflags) {
  // Linux's answers for a directory that exists on a read-only mount
  if ((oflags & O_CREAT) && (oflags & O_EXCL)) { errno = EEXIST; return -1; }
  if ((oflags & O_ACCMODE) != O_RDONLY || (oflags & (O_CREAT | O_TRUNC))) { errno = EISDIR; return -1; }
  char *path = __wasip2_strdup(abs);
  struct __wasip2_desc *d = path ? __wasip2_desc_new(WASIP2_KIND_DIR, &__wasip2_vdir_ops, O_RDONLY, path) : NULL;
  if (!d) { __wasip2_free(path); errno = ENOMEM; return -1; }
  int fd = __wasip2_fd_install(d, 0);
  if (fd < 0) { __wasip2_free(path); __wasip2_free(d); }
  return fd;
}

int __wasip2_vdir_write_errno(const char *abs) {
  if (abs[0] != '/') return 0;
  if (__wasip2_vdir_is(abs)) return EROFS;
  char parent[PATH_MAX];
  size_t n = strlen(abs);
  while (n > 1 && abs[n - 1] != '/') n--;
  if (n > 1) n--; // drop the '/' unless the parent is "/"
  memcpy(parent, abs, n);
  parent[n] = 0;
  return __wasip2_vdir_is(parent) ? EROFS : 0;
}

int __wasip2_fs_resolve_w(int dirfd, const char *path, struct __wasip2_fs_at *at) {
  at->abs[0] = 0;
  if (__wasip2_fs_resolve(dirfd, path, at) == 0) return 0;
  int e = errno == ENOENT ? __wasip2_vdir_write_errno(at->abs) : 0;
  if (e) errno = e;
  return -1;
}
