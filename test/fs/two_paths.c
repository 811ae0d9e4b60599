// The calls that take two paths resolve each on its own: linkat with every
// mix of AT_FDCWD, directory fds, absolute and relative names (Debian's
// at_fdcwd.o + posix.o gave the link-at the new name twice: ENOENT), link,
// rename and renameat likewise; symlink/symlinkat store the target verbatim.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *D;
static char *P(const char *name) { // "$D/name", from a small ring of buffers
  static char ring[8][512]; static int i;
  char *b = ring[i++ & 7];
  snprintf(b, 512, "%s/%s", D, name);
  return b;
}
static long nlink(const char *p) { struct stat st; return stat(p, &st) == 0 ? (long)st.st_nlink : -1; }
static long ino(const char *p) { struct stat st; return stat(p, &st) == 0 ? (long)st.st_ino : -1; }
static int exists(const char *p) { struct stat st; return lstat(p, &st) == 0; }

int main(void) {
  D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  OK(chdir(D) == 0);
  int fd = open(P("a"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  OK(fd >= 0 && write(fd, "abc", 3) == 3);
  close(fd);
  OK(mkdir(P("sub"), 0755) == 0);
  int sub = open(P("sub"), O_RDONLY | O_DIRECTORY);
  OK(sub >= 0);

  // linkat, every combination of the two sides
  OK(linkat(AT_FDCWD, P("a"), AT_FDCWD, P("l1"), 0) == 0 && nlink(P("a")) == 2);
  OK(ino(P("l1")) == ino(P("a")));
  OK(linkat(AT_FDCWD, "a", AT_FDCWD, "l2", 0) == 0 && nlink("a") == 3);
  OK(linkat(AT_FDCWD, "a", sub, "l3", 0) == 0 && ino(P("sub/l3")) == ino("a"));
  OK(linkat(sub, "l3", AT_FDCWD, "l4", 0) == 0 && ino("l4") == ino("a"));
  OK(linkat(sub, "l3", sub, "l5", 0) == 0 && ino("sub/l5") == ino("a"));
  OK(linkat(sub, "../a", AT_FDCWD, P("sub/l6"), 0) == 0 && nlink("a") == 7);
  OK(link("a", "l7") == 0 && link(P("a"), P("l8")) == 0 && nlink("a") == 9);
  // errors name the right side
  errno = 0; OK(linkat(AT_FDCWD, "missing", AT_FDCWD, "l9", 0) == -1 && errno == ENOENT);
  OK(!exists("l9"));
  errno = 0; OK(linkat(AT_FDCWD, "a", AT_FDCWD, "l1", 0) == -1 && errno == EEXIST);
  errno = 0; OK(linkat(AT_FDCWD, "a", AT_FDCWD, "nodir/x", 0) == -1 && errno == ENOENT);
  errno = 0; OK(linkat(AT_FDCWD, "a", AT_FDCWD, "l9", 0x4000) == -1 && errno == EINVAL);
  errno = 0; OK(linkat(999, "a", AT_FDCWD, "l9", 0) == -1 && errno == EBADF);
  // a symlink source: not followed unless AT_SYMLINK_FOLLOW
  OK(symlink("a", "sl") == 0);
  OK(linkat(AT_FDCWD, "sl", AT_FDCWD, "hl_nofollow", 0) == 0);
  struct stat st;
  OK(lstat("hl_nofollow", &st) == 0 && S_ISLNK(st.st_mode));
  OK(linkat(AT_FDCWD, "sl", AT_FDCWD, "hl_follow", AT_SYMLINK_FOLLOW) == 0);
  OK(lstat("hl_follow", &st) == 0 && S_ISREG(st.st_mode) && (long)st.st_ino == ino("a"));

  // rename / renameat, the same mixes
  OK(rename("l1", "r1") == 0 && !exists("l1") && ino("r1") == ino("a"));
  OK(rename(P("r1"), P("r2")) == 0 && ino("r2") == ino("a"));
  OK(renameat(AT_FDCWD, "r2", AT_FDCWD, "r3") == 0 && ino("r3") == ino("a"));
  OK(renameat(AT_FDCWD, P("r3"), AT_FDCWD, P("r4")) == 0 && ino("r4") == ino("a"));
  OK(renameat(AT_FDCWD, "r4", sub, "r5") == 0 && ino("sub/r5") == ino("a"));
  OK(renameat(sub, "r5", AT_FDCWD, "r6") == 0 && ino("r6") == ino("a"));
  OK(renameat(sub, "l5", sub, "r7") == 0 && !exists("sub/l5") && ino("sub/r7") == ino("a"));
  errno = 0; OK(renameat(AT_FDCWD, "missing", AT_FDCWD, "r8") == -1 && errno == ENOENT);
  OK(!exists("r8"));

  // symlink / symlinkat: one path and a target string, never resolved
  char buf[64];
  OK(symlinkat("a", sub, "s1") == 0);
  ssize_t n = readlinkat(sub, "s1", buf, sizeof buf);
  OK(n == 1 && buf[0] == 'a');
  OK(symlinkat("../a", AT_FDCWD, "sub/s2") == 0);
  n = readlink(P("sub/s2"), buf, sizeof buf);
  OK(n == 4 && memcmp(buf, "../a", 4) == 0);
  OK(open("sub/s2", O_RDONLY) >= 0);

  close(sub);
  return CHECK_DONE();
}
