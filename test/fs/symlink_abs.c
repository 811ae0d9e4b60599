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

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL %d: %s (errno %d %s)\n", __LINE__, #c, errno, strerror(errno)); fails++; } else printf("ok %s\n", #c); } while (0)
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
  CHECK(fd >= 0 && write(fd, "hello", 5) == 5 && close(fd) == 0);
  CHECK(mkdir(P("/sub"), 0755) == 0 && mkdir(P("/sub/deep"), 0755) == 0);

  // a file, from the preopen root and from two levels down
  CHECK(symlink(P("/a"), P("/l")) == 0);
  CHECK(reads_back(P("/l"), P("/a")));
  CHECK(symlink(P("/a"), P("/sub/deep/l2")) == 0);
  CHECK(reads_back(P("/sub/deep/l2"), P("/a")));
  fd = open(P("/sub/deep/l2"), O_RDONLY);
  CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0);
  close(fd);
  CHECK(stat(P("/l"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 5);
  // a file further down than the link
  CHECK(symlink(P("/sub/deep"), P("/sub/l3")) == 0);
  CHECK(reads_back(P("/sub/l3"), P("/sub/deep")));
  CHECK(stat(P("/sub/l3"), &st) == 0 && S_ISDIR(st.st_mode));
  // a directory named with its trailing slash keeps it
  CHECK(symlink(P("/sub/"), P("/l4")) == 0);
  CHECK(reads_back(P("/l4"), P("/sub/")));
  CHECK(stat(P("/l4/deep"), &st) == 0 && S_ISDIR(st.st_mode));
  // the preopen root itself
  CHECK(symlink(D, P("/sub/deep/l5")) == 0);
  CHECK(reads_back(P("/sub/deep/l5"), D));
  CHECK(stat(P("/sub/deep/l5/a"), &st) == 0 && st.st_size == 5);
  // dangling, then created
  CHECK(symlink(P("/later"), P("/sub/l6")) == 0);
  CHECK(reads_back(P("/sub/l6"), P("/later")));
  errno = 0; CHECK(stat(P("/sub/l6"), &st) == -1 && errno == ENOENT);
  fd = open(P("/sub/l6"), O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0 && close(fd) == 0);
  CHECK(stat(P("/later"), &st) == 0 && S_ISREG(st.st_mode));
  // symlinkat with a directory fd and a relative link name
  int dfd = open(P("/sub"), O_RDONLY | O_DIRECTORY);
  CHECK(symlinkat(P("/a"), dfd, "l7") == 0);
  ssize_t n = readlinkat(dfd, "l7", buf, sizeof buf);
  CHECK(n == (ssize_t)strlen(P("/a")) && memcmp(buf, P("/a"), n) == 0);
  close(dfd);
  // a short buffer gets the first bytes of the absolute path
  n = readlink(P("/l"), buf, 3);
  CHECK(n == 3 && memcmp(buf, D, 3) == 0);
  // realpath follows it to the file
  CHECK(realpath(P("/sub/deep/l2"), real) && realpath(P("/a"), real2) && strcmp(real, real2) == 0);
  // relative targets: verbatim, "./" included
  CHECK(symlink("./a", P("/r1")) == 0 && reads_back(P("/r1"), "./a"));
  CHECK(symlink("../a", P("/sub/r2")) == 0 && reads_back(P("/sub/r2"), "../a"));
  CHECK(symlink("././../../a", P("/sub/deep/r3")) == 0 && reads_back(P("/sub/deep/r3"), "././../../a"));
  CHECK(stat(P("/sub/deep/r3"), &st) == 0 && st.st_size == 5);

  printf("%s\n", fails ? "FAILED" : "all ok");
  return fails != 0;
}
