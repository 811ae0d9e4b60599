// fstat tells every kind apart by its file-type bits, with the values Linux
// and upstream wasi-libc's wasm32-wasip2 headers share (S_IFMT 0170000):
// a pipe is a FIFO and not a socket, a socket a socket and not a FIFO,
// eventfd and epoll descriptors carry no type bits (Linux's anonymous
// inodes, mode 0600), files, directories, symlinks and /dev/null their own.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

// the values themselves: an object compiled with upstream's or Linux's
// headers reads our st_mode with these
_Static_assert(S_IFMT == 0170000 && S_IFSOCK == 0140000 && S_IFLNK == 0120000 &&
               S_IFREG == 0100000 && S_IFBLK == 0060000 && S_IFDIR == 0040000 &&
               S_IFCHR == 0020000 && S_IFIFO == 0010000, "file-type bits");

static const char *type_name(mode_t m) {
  if (S_ISFIFO(m)) return "fifo";
  if (S_ISSOCK(m)) return "socket";
  if (S_ISREG(m)) return "regular";
  if (S_ISDIR(m)) return "directory";
  if (S_ISLNK(m)) return "symlink";
  if (S_ISCHR(m)) return "chardev";
  if (S_ISBLK(m)) return "blockdev";
  return "none";
}

// exactly one S_IS* predicate holds (none for an anonymous inode)
static int predicates(mode_t m) {
  return S_ISFIFO(m) + S_ISSOCK(m) + S_ISREG(m) + S_ISDIR(m) + S_ISLNK(m) + S_ISCHR(m) + S_ISBLK(m);
}

static void expect_fd(int fd, const char *what, mode_t type, int perm) {
  struct stat st;
  REQUIRE(fd >= 0, "%s", what);
  CHECK(fstat(fd, &st) == 0, "fstat(%s)", what);
  CHECK((st.st_mode & S_IFMT) == type, "%s: type %s (st_mode %o)", what, type_name(st.st_mode), (unsigned)st.st_mode);
  CHECK(predicates(st.st_mode) == (type != 0), "%s: one S_IS* predicate", what);
  if (perm >= 0) CHECK((st.st_mode & 07777) == (mode_t)perm, "%s: permissions %o", what, (unsigned)(st.st_mode & 07777));
  printf("%s: %s\n", what, type_name(st.st_mode));
}

static void expect_path(const char *path, const char *what, mode_t type, int follow) {
  struct stat st;
  int r = follow ? stat(path, &st) : lstat(path, &st);
  CHECK(r == 0, "stat(%s)", what);
  CHECK((st.st_mode & S_IFMT) == type, "%s: type %s", what, type_name(st.st_mode));
  CHECK(predicates(st.st_mode) == 1, "%s: one S_IS* predicate", what);
  printf("%s: %s\n", what, type_name(st.st_mode));
}

int main(void) {
  const char *d = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  int p[2];
  REQUIRE(pipe(p) == 0);
  expect_fd(p[0], "pipe read end", S_IFIFO, 0600);
  expect_fd(p[1], "pipe write end", S_IFIFO, 0600);
  struct stat a, b;
  REQUIRE(fstat(p[0], &a) == 0);
  CHECK(S_ISFIFO(a.st_mode) && !S_ISSOCK(a.st_mode), "a pipe is a FIFO, not a socket");

  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  expect_fd(sv[0], "unix socketpair", S_IFSOCK, 0777);
  int t = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
  expect_fd(t, "tcp socket", S_IFSOCK, 0777);
  expect_fd(u, "udp socket", S_IFSOCK, 0777);
  REQUIRE(fstat(t, &b) == 0);
  CHECK(S_ISSOCK(b.st_mode) && !S_ISFIFO(b.st_mode), "a socket is a socket, not a FIFO");

  int e = eventfd(0, 0), ep = epoll_create1(0);
  expect_fd(e, "eventfd", 0, 0600);
  expect_fd(ep, "epoll", 0, 0600);

  char path[256], link[256];
  snprintf(path, sizeof path, "%s/file", d);
  snprintf(link, sizeof link, "%s/link", d);
  int f = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
  expect_fd(f, "regular file", S_IFREG, -1);
  int dir = open(d, O_RDONLY | O_DIRECTORY);
  expect_fd(dir, "directory", S_IFDIR, -1);
  int null = open("/dev/null", O_RDWR);
  expect_fd(null, "/dev/null", S_IFCHR, -1);
  REQUIRE(symlink("file", link) == 0);
  expect_path(link, "symlink (lstat)", S_IFLNK, 0);
  expect_path(link, "symlink (stat)", S_IFREG, 1);

  unlink(link);
  unlink(path);
  int fds[] = {p[0], p[1], sv[0], sv[1], t, u, e, ep, f, dir, null};
  for (unsigned i = 0; i < sizeof fds / sizeof fds[0]; i++) close(fds[i]);
  return CHECK_DONE();
}
