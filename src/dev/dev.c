// Character devices emulated in libc, reachable without any preopen:
// /dev/null, zero, full, random, urandom (one shared description kind,
// WASIP2_KIND_DEV, told apart by impl), /dev/stdin|stdout|stderr and
// /dev/fd/N (a new fd on the existing description, as Linux's
// /proc/self/fd links behave for pipes and terminals).  open()/stat() in
// src/fs call __wasip2_dev_open/__wasip2_dev_stat first for /dev/ paths.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "wasip2_fd.h"

enum dev { DEV_NULL = 1, DEV_ZERO, DEV_FULL, DEV_RANDOM, DEV_URANDOM };

static const struct {
  const char *name;
  enum dev id;
  unsigned minor;  // Linux's (major 1) so tools that check st_rdev agree
} devices[] = {
  {"null", DEV_NULL, 3},     {"zero", DEV_ZERO, 5},       {"full", DEV_FULL, 7},
  {"random", DEV_RANDOM, 8}, {"urandom", DEV_URANDOM, 9},
};
#define NDEV (sizeof devices / sizeof devices[0])

static enum dev which(struct __wasip2_desc *d) {
  return (enum dev)(uintptr_t)d->impl;
}

static ssize_t fill_random(void *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    // Landing buffer: the host writes straight into the caller's memory.
    size_t n = len - done > 65536 ? 65536 : len - done;
    wasip2_list_u8_t got;
    __wasip2_land_begin((char *)buf + done, n);
    wasi_random_random_get_random_bytes(n, &got);
    if (!__wasip2_land_end()) {
      memcpy((char *)buf + done, got.ptr, got.len < n ? got.len : n);
      __wasip2_free(got.ptr);
    }
    done += n;
  }
  return (ssize_t)len;
}

static ssize_t dev_read(struct __wasip2_desc *d, void *buf, size_t len) {
  switch (which(d)) {
  case DEV_NULL: return 0;
  case DEV_ZERO:
  case DEV_FULL: memset(buf, 0, len); return (ssize_t)len;
  default: return fill_random(buf, len);
  }
}

static ssize_t dev_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  (void)buf;
  if (which(d) == DEV_FULL) {
    errno = ENOSPC;
    return -1;
  }
  // Writes to the random devices only "add entropy" on Linux: discarded.
  return (ssize_t)len;
}

static ssize_t dev_pread(struct __wasip2_desc *d, void *buf, size_t len, off_t off) {
  (void)off;
  return dev_read(d, buf, len);
}

static ssize_t dev_pwrite(struct __wasip2_desc *d, const void *buf, size_t len, off_t off) {
  (void)off;
  return dev_write(d, buf, len);
}

static off_t dev_seek(struct __wasip2_desc *d, off_t off, int whence) {
  (void)d; (void)off; (void)whence;
  return 0;  // Linux: seeking these devices succeeds and stays at 0
}

static void fill_stat(unsigned minor, struct stat *st) {
  memset(st, 0, sizeof *st);
  st->st_dev = 5;  // Linux's devtmpfs-ish; only stable and distinct matters
  st->st_ino = minor + 1000;
  st->st_mode = S_IFCHR | 0666;
  st->st_nlink = 1;
  st->st_rdev = (1u << 8) | minor;
  st->st_blksize = 4096;
}

static int dev_fstat(struct __wasip2_desc *d, struct stat *st) {
  for (size_t i = 0; i < NDEV; i++)
    if (devices[i].id == which(d)) fill_stat(devices[i].minor, st);
  return 0;
}

static int dev_close(struct __wasip2_desc *d) {
  (void)d;
  return 0;
}

static short dev_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)d; (void)ctx;
  return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

static const struct __wasip2_ops dev_ops = {
  .read = dev_read,
  .write = dev_write,
  .pread = dev_pread,
  .pwrite = dev_pwrite,
  .seek = dev_seek,
  .fstat = dev_fstat,
  .close = dev_close,
  .poll = dev_poll,
  .epoll_errno = EPERM, // never waits: nothing for epoll to watch (Linux: EPERM)
};

// "stdin" -> 0 ..., "fd/N" -> N; -1 when name is neither.
static int stdio_fd(const char *name) {
  if (!strcmp(name, "stdin")) return 0;
  if (!strcmp(name, "stdout")) return 1;
  if (!strcmp(name, "stderr")) return 2;
  if (!strncmp(name, "fd/", 3) && name[3]) {
    // decimal digits only (no sign, no blanks: "fd/ 1" is no name); not
    // strtol, whose number scanner would be linked into every open()
    long n = 0;
    for (const char *p = name + 3; *p; p++) {
      if (*p < '0' || *p > '9') return -1;
      n = n * 10 + (*p - '0');
      if (n > 0x7fffffff) return -1;
    }
    return (int)n;
  }
  return -1;
}

static const char *dev_name(const char *path) {
  // Tolerate repeated slashes ("//dev//null") the way path resolution does.
  while (*path == '/') path++;
  if (strncmp(path, "dev/", 4)) return NULL;
  path += 4;
  while (*path == '/') path++;
  return path;
}

static int finish(int fd, int oflags) {
  if (fd >= 0 && (oflags & O_CLOEXEC)) __wasip2_fd_setfdflags(fd, WASIP2_FD_CLOEXEC);
  return fd;
}

int __wasip2_dev_open(const char *path, int oflags) {
  const char *name = dev_name(path);
  if (!name) return -2;
  if (oflags & O_DIRECTORY) {
    // None of ours is a directory; anything else under /dev is not ours.
    for (size_t i = 0; i < NDEV; i++)
      if (!strcmp(name, devices[i].name)) { errno = ENOTDIR; return -1; }
    return -2;
  }
  for (size_t i = 0; i < NDEV; i++) {
    if (strcmp(name, devices[i].name)) continue;
    if ((oflags & O_CREAT) && (oflags & O_EXCL)) { errno = EEXIST; return -1; }
    int keep = oflags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
    struct __wasip2_desc *d =
        __wasip2_desc_new(WASIP2_KIND_DEV, &dev_ops, keep, (void *)(uintptr_t)devices[i].id);
    if (!d) { errno = ENOMEM; return -1; }
    int fd = __wasip2_fd_install(d, 0);
    if (fd < 0) {
      // refs is still 0: nothing owns d, and it holds no resource.
      __wasip2_free(d);
      return -1;
    }
    return finish(fd, oflags);
  }
  int src = stdio_fd(name);
  if (src < 0) return -2;
  struct __wasip2_desc *d = __wasip2_fd_get(src);
  if (!d) {
    // Linux: the /proc/self/fd link of a closed fd does not exist.
    errno = ENOENT;
    return -1;
  }
  return finish(__wasip2_fd_install(d, 0), oflags);
}

int __wasip2_dev_stat(const char *path, struct stat *st) {
  const char *name = dev_name(path);
  if (!name) {
    // "/dev" itself: report the directory that holds our devices.
    const char *p = path;
    while (*p == '/') p++;
    if (strncmp(p, "dev", 3) || (p[3] && strspn(p + 3, "/") != strlen(p + 3))) return -2;
    memset(st, 0, sizeof *st);
    st->st_dev = 5;
    st->st_ino = 1000;
    st->st_mode = S_IFDIR | 0755;
    st->st_nlink = 2;
    st->st_blksize = 4096;
    return 0;
  }
  for (size_t i = 0; i < NDEV; i++) {
    if (!strcmp(name, devices[i].name)) {
      fill_stat(devices[i].minor, st);
      return 0;
    }
  }
  int src = stdio_fd(name);
  if (src < 0) return -2;
  struct __wasip2_desc *d = __wasip2_fd_get(src);
  if (!d) { errno = ENOENT; return -1; }
  return fstat(src, st);
}
