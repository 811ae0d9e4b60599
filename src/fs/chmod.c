// chmod(2), fchmod, fchmodat, lchmod.  WASI 0.2's filesystem has no
// permission bits: stat reports fixed modes (files 0644, directories 0755,
// src/fs/file.c), and nothing can change them.  Linux has the same
// situation on filesystems without modes (vfat): chmod succeeds when it asks
// for what is already there and fails with EPERM otherwise.  We do that, so
// programs that copy a file's mode onto a copy (gzip, gun, cp -p, tar) get
// the usual answer and report a real refusal only when the mode differs.
// The object is looked up as stat would (ENOENT, ENOTDIR, EBADF ...).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

// The common end: the object's stat in *st, the requested mode.
static int settle(const struct stat *st, mode_t mode) {
  if ((mode & 07777) == (st->st_mode & 07777)) return 0;
  errno = EPERM;
  return -1;
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags) {
  struct stat st;
  if (flags & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  if (fstatat(dirfd, path, &st, flags) < 0) return -1;
  // Linux (glibc and musl alike) cannot change a symlink's own mode
  if (S_ISLNK(st.st_mode)) {
    errno = EOPNOTSUPP;
    return -1;
  }
  return settle(&st, mode);
}

int chmod(const char *path, mode_t mode) { return fchmodat(AT_FDCWD, path, mode, 0); }

int lchmod(const char *path, mode_t mode) {
  return fchmodat(AT_FDCWD, path, mode, AT_SYMLINK_NOFOLLOW);
}

int fchmod(int fd, mode_t mode) {
  struct stat st;
  if (fstat(fd, &st) < 0) return -1;
  return settle(&st, mode);
}
