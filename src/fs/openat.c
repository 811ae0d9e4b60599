// openat(2): open, creat, fopen (through __wasilibc_open_nomode), opendir
// and the rest all land here; WASI has no modes, so the mode argument is
// never read.  One host call: open-at.  The descriptor flags are only
// read/write: mutate-directory is never asked for (the Node host refuses
// it), and the sync flags are emulated after each write (the host refuses
// them too).
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "wasip2_fs.h"


static int creat_names_dir(const char *path) {
  size_t n = strlen(path);
  if (n && path[n - 1] == '/') return 1;
  size_t b = n;
  while (b > 0 && path[b - 1] != '/') b--;
  return (n - b == 1 && path[b] == '.') || (n - b == 2 && path[b] == '.' && path[b + 1] == '.');
}

int openat(int dirfd, const char *path, int oflags, ...) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  at.abs[0] = 0;
  int r = __wasip2_fs_resolve(dirfd, path, &at);
  // /dev/null and friends are emulated in libc (src/dev)
  if (strncmp(at.abs, "/dev/", 5) == 0) {
    int e = errno, d = __wasip2_dev_open(at.abs, oflags);
    if (d != -2) return d;
    errno = e;
  }
  if (r < 0 && errno == ENOENT) {
    // "/" and the other directories above the preopens (src/fs/vdir.c)
    if (__wasip2_vdir_is(at.abs)) return __wasip2_vdir_open(at.abs, oflags);
    int e = (oflags & O_CREAT) ? __wasip2_vdir_write_errno(at.abs) : 0;
    if (e) errno = e;
  }
  if (r < 0) return -1;
  if ((oflags & O_CREAT) && (oflags & O_DIRECTORY)) { errno = EINVAL; return -1; }
  // Linux: O_CREAT on a name ending in '/' (or in "." / "..") is EISDIR
  // before any lookup; the host would create a regular file named by the
  // part before the slash
  if ((oflags & O_CREAT) && creat_names_dir(path)) { errno = EISDIR; return -1; }

  wasi_filesystem_types_path_flags_t pflags = WASI_FILESYSTEM_TYPES_PATH_FLAGS_SYMLINK_FOLLOW;
  // O_CREAT|O_EXCL must not follow a dangling symlink out of the way
  if ((oflags & O_NOFOLLOW) || ((oflags & O_CREAT) && (oflags & O_EXCL))) pflags = 0;
  wasi_filesystem_types_open_flags_t of = 0;
  if (oflags & O_CREAT) of |= WASI_FILESYSTEM_TYPES_OPEN_FLAGS_CREATE;
  if (oflags & O_DIRECTORY) of |= WASI_FILESYSTEM_TYPES_OPEN_FLAGS_DIRECTORY;
  if (oflags & O_EXCL) of |= WASI_FILESYSTEM_TYPES_OPEN_FLAGS_EXCLUSIVE;
  if (oflags & O_TRUNC) of |= WASI_FILESYSTEM_TYPES_OPEN_FLAGS_TRUNCATE;
  wasi_filesystem_types_descriptor_flags_t df = 0;
  if (oflags & O_WRONLY) df |= WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_WRITE;
  // O_RDONLY, O_SEARCH and O_EXEC all need the object readable
  if ((oflags & (O_RDONLY | O_SEARCH | O_EXEC)) || !(oflags & O_WRONLY)) df |= WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_READ;

  wasi_filesystem_types_descriptor_t h;
  wasi_filesystem_types_error_code_t err;
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  if (!wasi_filesystem_types_descriptor_open_at(at.handle, pflags, &s, of, df, &h, &err)) {
    // O_NOFOLLOW on a symlink: Linux says ELOOP, the host may say not-directory
    return __wasip2_fs_fail(err);
  }
  // the type is learned lazily (fstat, fdopendir, a failed read) unless
  // O_DIRECTORY already proved it: no get-type call on the common path
  int fd = __wasip2_fs_install(h, at.preopen, at.abs, oflags, (oflags & O_DIRECTORY) ? 1 : -1);
  if (fd >= 0 && (oflags & O_CLOEXEC)) __wasip2_fd_setfdflags(fd, FD_CLOEXEC);
  return fd;
}
