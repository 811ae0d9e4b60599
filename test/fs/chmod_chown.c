// chmod/fchmod/fchmodat/lchmod (src/fs/chmod.c), chown/fchown/lchown/
// fchownat (src/fs/chown.c), lockf (src/fs/lockf.c) and sync
// (src/fs/sync.c) are declared and link; zlib's examples/gun.c copies a
// file's mode and owner with them.  Modes are fixed (files 0644, dirs 0755)
// and everything is owned by 1000:1000, so Linux's answers for an
// unprivileged owner on a mode-less filesystem apply: no change succeeds,
// a change is EPERM, a missing object ENOENT, a bad fd EBADF.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  int fd = open("/data/f", O_CREAT | O_RDWR, 0644);
  CHECK(fd >= 0);
  struct stat st;
  CHECK(stat("/data/f", &st) == 0);

  // modes: the current one is accepted, another refused
  CHECK(chmod("/data/f", st.st_mode & 07777) == 0);
  CHECK(chmod("/data/f", 0644) == 0);
  errno = 0;
  CHECK(chmod("/data/f", 0755) == -1 && errno == EPERM);
  CHECK(fchmod(fd, 0644) == 0);
  errno = 0;
  CHECK(fchmod(fd, 0600) == -1 && errno == EPERM);
  CHECK(chmod("/data", 0755) == 0);
  CHECK(fchmodat(AT_FDCWD, "/data/f", 0644, 0) == 0);
  errno = 0;
  CHECK(fchmodat(AT_FDCWD, "/data/f", 0644, 0x4000) == -1 && errno == EINVAL);
  errno = 0;
  CHECK(chmod("/data/missing", 0644) == -1 && errno == ENOENT);
  errno = 0;
  CHECK(fchmod(99, 0644) == -1 && errno == EBADF);

  // owners: giving nothing away works, giving the file away does not
  CHECK(chown("/data/f", st.st_uid, st.st_gid) == 0);
  CHECK(chown("/data/f", (uid_t)-1, (gid_t)-1) == 0);
  CHECK(st.st_uid == getuid() && st.st_gid == getgid());
  errno = 0;
  CHECK(chown("/data/f", 0, 0) == -1 && errno == EPERM);
  CHECK(fchown(fd, getuid(), (gid_t)-1) == 0);
  errno = 0;
  CHECK(fchown(fd, (uid_t)-1, 0) == -1 && errno == EPERM);
  CHECK(lchown("/data/f", (uid_t)-1, (gid_t)-1) == 0);
  CHECK(fchownat(AT_FDCWD, "/data/f", getuid(), getgid(), AT_SYMLINK_NOFOLLOW) == 0);
  errno = 0;
  CHECK(chown("/data/missing", (uid_t)-1, (gid_t)-1) == -1 && errno == ENOENT);
  errno = 0;
  CHECK(fchown(99, (uid_t)-1, (gid_t)-1) == -1 && errno == EBADF);

  // lockf: a writable file locks, a read-only fd cannot, bad cmd EINVAL
  CHECK(lockf(fd, F_TEST, 0) == 0);
  CHECK(lockf(fd, F_LOCK, 0) == 0);
  CHECK(lockf(fd, F_TLOCK, 10) == 0);
  CHECK(lockf(fd, F_ULOCK, 0) == 0);
  errno = 0;
  CHECK(lockf(fd, 42, 0) == -1 && errno == EINVAL);
  int rfd = open("/data/f", O_RDONLY);
  errno = 0;
  CHECK(lockf(rfd, F_LOCK, 0) == -1 && errno == EBADF);
  errno = 0;
  CHECK(lockf(99, F_LOCK, 0) == -1 && errno == EBADF);
  close(rfd);

  sync();
  close(fd);
  printf("chmod/chown/lockf: %d failures\n", check_failures);
  return CHECK_DONE();
}
