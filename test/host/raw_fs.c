// The calls wasip2-run lowers straight to the core ABI (stat-at, metadata-hash-at, stat,
// metadata-hash, open-at, read: tools/lib/glue-fast.mjs) give what Linux gives: every
// stat field the WASI record carries, st_ino/st_dev from the hash (also right after the path
// was replaced by a rename, which must not be answered from the previous stat), each error
// (missing, not a directory, a loop, is-a-directory, escapes by ..),
// short reads, reads at end of file and at an offset, O_CREAT/O_EXCL/O_TRUNC/O_DIRECTORY,
// and many opens without a leak. raw.test.mjs runs it on the lowered path, the ordinary
// glue path and preview2-shim and wants the same output.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too and compares)
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
  static char ring[8][PATH_MAX];
  static int i;
  char *b = ring[i++ & 7];
  snprintf(b, PATH_MAX, "%s/%s", D, name);
  return b;
}
static const char *type(mode_t m) {
  return S_ISREG(m) ? "file" : S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "link" : "other";
}
// the fields a WASI descriptor-stat carries, as text (no times, inode numbers or sizes of
// directories: those differ between runs and file systems)
static void show(const char *what, int r, const struct stat *st) {
  if (r < 0) { printf("%s: errno %s\n", what, strerror(errno)); return; }
  if (S_ISDIR(st->st_mode)) printf("%s: %s nlink>=2 %d\n", what, type(st->st_mode), st->st_nlink >= 2);
  else printf("%s: %s nlink %ld size %lld\n", what, type(st->st_mode), (long)st->st_nlink, (long long)st->st_size);
}

static void put(const char *name, const char *text) {
  int fd = open(P(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0, "create %s", name);
  CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
  CHECK(close(fd) == 0);
}

int main(void) {
  D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  struct stat st, st2;
  char buf[64];

  put("a", "hello, world\n");
  put("b", "0123456789");
  CHECK(mkdir(P("d"), 0755) == 0);
  put("d/inner", "x");
  CHECK(symlink("a", P("la")) == 0);
  CHECK(symlink("loop2", P("loop1")) == 0 && symlink("loop1", P("loop2")) == 0);

  // stat-at and lstat: every kind, every error
  const char *names[] = { "a", "b", "d", "d/inner", "d/", "d/.", "d/..", "la", "loop1",
    "missing", "a/x", "d/missing/x", "d/../a", "la/", "" };
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char what[80];
    snprintf(what, sizeof what, "stat %s", names[i]);
    errno = 0;
    show(what, stat(P(names[i]), &st), &st);
    snprintf(what, sizeof what, "lstat %s", names[i]);
    errno = 0;
    show(what, lstat(P(names[i]), &st), &st);
  }

#ifdef __wasi__
  // out of the preopen (Linux would reach outside the test directory here): refused (links
  // that point out cannot be made: symlink-at refuses them)
  const char *out[] = { "../a", "d/../../a", "../../../../etc/passwd" };
  for (size_t i = 0; i < sizeof out / sizeof *out; i++) {
    CHECK(stat(P(out[i]), &st) < 0, "stat %s escapes", out[i]);
    int fd = open(P(out[i]), O_RDONLY);
    CHECK(fd < 0, "open %s escapes", out[i]);
    if (fd >= 0) close(fd);
  }
  CHECK(symlink("/etc/passwd", P("labs")) < 0, "an absolute link target is refused");
#endif

  // st_ino/st_dev (metadata-hash-at) agree with fstat's (metadata-hash) and follow a rename
  int fa = open(P("a"), O_RDONLY);
  REQUIRE(fa >= 0);
  CHECK(fstat(fa, &st) == 0 && stat(P("a"), &st2) == 0 && st.st_ino == st2.st_ino && st.st_dev == st2.st_dev,
        "stat and fstat of one file: one inode");
  CHECK(stat(P("la"), &st2) == 0 && st.st_ino == st2.st_ino, "a link followed: the target's inode");
  CHECK(lstat(P("la"), &st2) == 0 && st.st_ino != st2.st_ino, "the link itself: its own inode");
  struct stat sb;
  CHECK(stat(P("b"), &sb) == 0 && sb.st_ino != st.st_ino);
  for (int i = 0; i < 3; i++) {
    CHECK(stat(P("a"), &st2) == 0 && st2.st_ino == st.st_ino);
    CHECK(rename(P("b"), P("a")) == 0);
    CHECK(stat(P("a"), &st2) == 0 && st2.st_ino == sb.st_ino && st2.st_size == 10, "after rename: the new file (%d)", i);
    CHECK(rename(P("a"), P("b")) == 0 && link(P("b"), P("a")) == 0 && unlink(P("a")) == 0);
    put("a", "hello, world\n");
    CHECK(stat(P("a"), &st2) == 0 && st2.st_ino != sb.st_ino);
    CHECK(fstat(fa, &st) == 0 && st.st_nlink == 0, "the first file is unlinked now");
    CHECK(stat(P("a"), &st) == 0);
    close(fa);
    fa = open(P("a"), O_RDONLY);
    REQUIRE(fa >= 0);
  }
  CHECK(fstat(fa, &st) == 0);
  show("fstat a", 0, &st);

  // read at the file position, pread at offsets, end of file
  ssize_t n = read(fa, buf, 5);
  printf("read 5: %zd '%.*s'\n", n, (int)(n > 0 ? n : 0), buf);
  n = read(fa, buf, sizeof buf);
  printf("read rest: %zd '%.*s'\n", n, (int)(n > 0 ? n - 1 : 0), buf);
  printf("read at end: %zd\n", read(fa, buf, sizeof buf));
  n = pread(fa, buf, 4, 7);
  printf("pread 4 at 7: %zd '%.*s'\n", n, (int)(n > 0 ? n : 0), buf);
  printf("pread past end: %zd\n", pread(fa, buf, 4, 1000));
  printf("read 0: %zd\n", read(fa, buf, 0));
  CHECK(close(fa) == 0);

  // open-at: flags and errors
  struct { const char *name; int flags; } opens[] = {
    { "a", O_RDONLY }, { "a", O_WRONLY }, { "a", O_RDWR }, { "d", O_RDONLY }, { "d", O_RDONLY | O_DIRECTORY },
    { "a", O_RDONLY | O_DIRECTORY }, { "d", O_WRONLY }, { "la", O_RDONLY }, { "la", O_RDONLY | O_NOFOLLOW },
    { "loop1", O_RDONLY }, { "missing", O_RDONLY }, { "a/x", O_RDONLY }, { "new", O_WRONLY | O_CREAT | O_EXCL },
    { "new", O_WRONLY | O_CREAT | O_EXCL }, { "a", O_WRONLY | O_CREAT | O_EXCL }, { "b", O_WRONLY | O_TRUNC },
    { "d/new2", O_RDWR | O_CREAT }, { "missing/x", O_RDWR | O_CREAT }, { "", O_RDONLY },
  };
  for (size_t i = 0; i < sizeof opens / sizeof *opens; i++) {
    errno = 0;
    int fd = open(P(opens[i].name), opens[i].flags, 0644);
    printf("open #%zu %s: %s", i, opens[i].name, fd >= 0 ? "ok" : strerror(errno));
    if (fd >= 0) {
      errno = 0;
      n = read(fd, buf, sizeof buf);
      printf(", read %zd%s%s", n, n < 0 ? " " : "", n < 0 ? strerror(errno) : "");
      CHECK(fstat(fd, &st) == 0);
      printf(", %s size %lld", type(st.st_mode), S_ISDIR(st.st_mode) ? 0LL : (long long)st.st_size);
      CHECK(close(fd) == 0);
    }
    printf("\n");
  }
  CHECK(stat(P("b"), &st) == 0 && st.st_size == 0, "O_TRUNC emptied b");

  // many opens, reads and closes: every descriptor released (--check-leaks), the numbers reused
  int first = -1, same = 1;
  for (int i = 0; i < 3000; i++) {
    int fd = open(P(i & 1 ? "a" : "d/inner"), O_RDONLY);
    if (fd < 0) { CHECK(fd >= 0, "open %d", i); break; }
    if (first < 0) first = fd;
    same &= fd == first;
    n = read(fd, buf, sizeof buf);
    if (n != (i & 1 ? 13 : 1)) { CHECK(0, "read %d gave %zd", i, n); break; }
    if (i % 3 == 0 && stat(P("a"), &st) != 0) { CHECK(0, "stat %d", i); break; }
    close(fd);
  }
  CHECK(same, "one descriptor number, reused each time");
  printf("3000 open+read+close done\n");
  return CHECK_DONE();
}
