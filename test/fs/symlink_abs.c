// symlink("/abs", l) then readlink(l) gives exactly "/abs" back, at every
// depth, for a file, a directory (with its trailing '/'), the preopen root
// itself and a dangling target; the link works (open, stat, realpath) and
// lstat's st_size is never less than what readlink returns.  Relative
// targets are stored and returned verbatim.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *D;
static char *P(const char *name) {
  static char ring[8][PATH_MAX]; static int i;
  char *b = ring[i++ & 7];
  snprintf(b, PATH_MAX, "%s%s", D, name);
  return b;
}
// readlink(link) is exactly `want`, and lstat's size covers it
static int reads_back(const char *link, const char *want) {
  char buf[PATH_MAX];
  ssize_t n = readlink(link, buf, sizeof buf);
  struct stat st;
  if (n < 0 || lstat(link, &st) < 0 || !S_ISLNK(st.st_mode)) return 0;
  return (size_t)n == strlen(want) && memcmp(buf, want, n) == 0 && st.st_size >= n;
}

int main(void) {
  D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  char buf[PATH_MAX], real[PATH_MAX], real2[PATH_MAX];
  struct stat st;
  int fd = open(P("/a"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  OK(fd >= 0 && write(fd, "hello", 5) == 5 && close(fd) == 0);
  OK(mkdir(P("/sub"), 0755) == 0 && mkdir(P("/sub/deep"), 0755) == 0);

  // a file, from the preopen root and from two levels down
  OK(symlink(P("/a"), P("/l")) == 0);
  OK(reads_back(P("/l"), P("/a")));
  OK(symlink(P("/a"), P("/sub/deep/l2")) == 0);
  OK(reads_back(P("/sub/deep/l2"), P("/a")));
  fd = open(P("/sub/deep/l2"), O_RDONLY);
  OK(fd >= 0 && read(fd, buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0);
  close(fd);
  OK(stat(P("/l"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 5);
  // a file further down than the link
  OK(symlink(P("/sub/deep"), P("/sub/l3")) == 0);
  OK(reads_back(P("/sub/l3"), P("/sub/deep")));
  OK(stat(P("/sub/l3"), &st) == 0 && S_ISDIR(st.st_mode));
  // a directory named with its trailing slash keeps it
  OK(symlink(P("/sub/"), P("/l4")) == 0);
  OK(reads_back(P("/l4"), P("/sub/")));
  OK(stat(P("/l4/deep"), &st) == 0 && S_ISDIR(st.st_mode));
  // the preopen root itself
  OK(symlink(D, P("/sub/deep/l5")) == 0);
  OK(reads_back(P("/sub/deep/l5"), D));
  OK(stat(P("/sub/deep/l5/a"), &st) == 0 && st.st_size == 5);
  // dangling, then created
  OK(symlink(P("/later"), P("/sub/l6")) == 0);
  OK(reads_back(P("/sub/l6"), P("/later")));
  errno = 0; OK(stat(P("/sub/l6"), &st) == -1 && errno == ENOENT);
  fd = open(P("/sub/l6"), O_WRONLY | O_CREAT, 0644);
  OK(fd >= 0 && close(fd) == 0);
  OK(stat(P("/later"), &st) == 0 && S_ISREG(st.st_mode));
  // symlinkat with a directory fd and a relative link name
  int dfd = open(P("/sub"), O_RDONLY | O_DIRECTORY);
  OK(symlinkat(P("/a"), dfd, "l7") == 0);
  ssize_t n = readlinkat(dfd, "l7", buf, sizeof buf);
  OK(n == (ssize_t)strlen(P("/a")) && memcmp(buf, P("/a"), n) == 0);
  close(dfd);
  // a short buffer gets the first bytes of the absolute path
  n = readlink(P("/l"), buf, 3);
  OK(n == 3 && memcmp(buf, D, 3) == 0);
  // realpath follows it to the file
  OK(realpath(P("/sub/deep/l2"), real) && realpath(P("/a"), real2) && strcmp(real, real2) == 0);
  // relative targets: verbatim, "./" included
  OK(symlink("./a", P("/r1")) == 0 && reads_back(P("/r1"), "./a"));
  OK(symlink("../a", P("/sub/r2")) == 0 && reads_back(P("/sub/r2"), "../a"));
  OK(symlink("././../../a", P("/sub/deep/r3")) == 0 && reads_back(P("/sub/deep/r3"), "././../../a"));
  OK(stat(P("/sub/deep/r3"), &st) == 0 && st.st_size == 5);

  return CHECK_DONE();
}
