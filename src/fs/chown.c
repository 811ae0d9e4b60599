// chown(2), fchown, lchown, fchownat.  WASI 0.2 files have no owners: stat
// reports every object as owned by uid 1000, gid 1000, which is also what
// getuid/getgid return (src/proc).  So the program is an unprivileged user
// who owns everything, and Linux's rules for such a user apply: "no change"
// (-1, or the current owner/group) succeeds, giving a file away fails with
// EPERM.  The object is looked up as stat would (ENOENT, EBADF ...).
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static int settle(const struct stat *st, uid_t uid, gid_t gid) {
  if ((uid == (uid_t)-1 || uid == st->st_uid) && (gid == (gid_t)-1 || gid == st->st_gid)) return 0;
  errno = EPERM;
  return -1;
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags) {
  struct stat st;
  // the WASI headers have no AT_EMPTY_PATH, so NOFOLLOW is the only flag
  if (flags & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  if (fstatat(dirfd, path, &st, flags) < 0) return -1;
  return settle(&st, uid, gid);
}

int chown(const char *path, uid_t uid, gid_t gid) { return fchownat(AT_FDCWD, path, uid, gid, 0); }

int lchown(const char *path, uid_t uid, gid_t gid) {
  return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int fchown(int fd, uid_t uid, gid_t gid) {
  struct stat st;
  if (fstat(fd, &st) < 0) return -1;
  return settle(&st, uid, gid);
}
