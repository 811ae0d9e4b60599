// fstatat(2) (stat and lstat are src/fs/path_stat.c): stat-at for the fields, metadata-hash-at for st_ino
// (two host calls; 0.2.0's stat carries no inode).
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "wasip2_fs.h"


int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  at.abs[0] = 0;
  if (flags & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  int r = __wasip2_fs_resolve(dirfd, path, &at);
  // /dev/null and friends are emulated in libc (src/dev)
  if (strncmp(at.abs, "/dev/", 5) == 0) {
    int e = errno, d = __wasip2_dev_stat(at.abs, st);
    if (d != -2) return d;
    errno = e;
  }
  if (r < 0 && errno == ENOENT && __wasip2_vdir_is(at.abs)) return __wasip2_vdir_stat(at.abs, st);
  if (r < 0) return -1;
  wasi_filesystem_types_path_flags_t pf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : WASI_FILESYSTEM_TYPES_PATH_FLAGS_SYMLINK_FOLLOW;
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_descriptor_stat_t ds;
  wasi_filesystem_types_metadata_hash_value_t h;
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_stat_at(at.handle, pf, &s, &ds, &err)) return __wasip2_fs_fail(err);
  if (!wasi_filesystem_types_descriptor_metadata_hash_at(at.handle, pf, &s, &h, &err)) return __wasip2_fs_fail(err);
  __wasip2_fs_fill_stat(st, &ds, h.lower);
  return 0;
}
