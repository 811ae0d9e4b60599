// faccessat(2) (access is src/fs/path_access.c).  WASI has no permission query, so the answer comes
// from what the host lets us do: F_OK and X_OK stat the path (only
// directories count as executable, matching the 0755/0644 modes fstat
// reports); R_OK/W_OK open the object with that access and drop it.  A
// directory asked for W_OK is writable if it exists (the host never opens
// directories for writing).  Nothing is opened with mutate-directory, which
// is what made the Node host answer EACCES for writable files.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_fs.h"

int faccessat(int dirfd, const char *path, int amode, int flags) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  if ((amode & ~(R_OK | W_OK | X_OK)) || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW))) { errno = EINVAL; return -1; }
  at.abs[0] = 0;
  if (__wasip2_fs_resolve(dirfd, path, &at) < 0) {
    // a virtual directory (src/fs/vdir.c) is there, readable, never writable
    if (errno != ENOENT || !__wasip2_vdir_is(at.abs)) return -1;
    if (amode & W_OK) { errno = EROFS; return -1; }
    return 0;
  }
  wasi_filesystem_types_path_flags_t pf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : WASI_FILESYSTEM_TYPES_PATH_FLAGS_SYMLINK_FOLLOW;
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  int is_dir = -1;
  if (amode == F_OK || (amode & X_OK)) {
    wasi_filesystem_types_descriptor_stat_t ds;
    if (!wasi_filesystem_types_descriptor_stat_at(at.handle, pf, &s, &ds, &err)) return __wasip2_fs_fail(err);
    is_dir = ds.type == WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY;
    if ((amode & X_OK) && !is_dir) { errno = EACCES; return -1; }
  }
  if (!(amode & (R_OK | W_OK)) || is_dir == 1) return 0;
  wasi_filesystem_types_descriptor_flags_t df = 0;
  if (amode & R_OK) df |= WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_READ;
  if (amode & W_OK) df |= WASI_FILESYSTEM_TYPES_DESCRIPTOR_FLAGS_WRITE;
  wasi_filesystem_types_descriptor_t h;
  if (!wasi_filesystem_types_descriptor_open_at(at.handle, pf, &s, 0, df, &h, &err)) {
    if (err == WASI_FILESYSTEM_TYPES_ERROR_CODE_IS_DIRECTORY) return 0;
    return __wasip2_fs_fail(err);
  }
  wasi_filesystem_types_descriptor_drop(h);
  return 0;
}
