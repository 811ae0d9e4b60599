// What the generic calls answer by asking the kind's ops table instead of
// testing the kind: isatty (only a terminal says yes: pipes, files,
// directories, devices, sockets say ENOTTY), the errno of a data call the
// kind lacks (a directory: EISDIR from read, pread and write; a pipe:
// ESPIPE from pread), mmap of what has no position to read (ENODEV), fstat's
// file type per kind, and writes to a read-only fd (EBADF) next to a
// socket's O_RDWR.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *D;

static int fails_with(long r, int e) { return r == -1 && errno == e; }

static void not_a_tty(int fd, const char *what) {
  errno = 0;
  char msg[96];
  snprintf(msg, sizeof msg, "isatty(%s) is 0 with ENOTTY", what);
  int r = isatty(fd);
  OK(r == 0 && errno == ENOTTY, "%s", msg);
}

static void file_type(int fd, mode_t type, const char *what) {
  struct stat st;
  char msg[96];
  snprintf(msg, sizeof msg, "fstat(%s) reports its file type", what);
  OK(fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == type, "%s", msg);
}

int main(void) {
  D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  char path[PATH_MAX], sub[PATH_MAX];
  char buf[16];

  // stdout is a pipe under the harness (and under the oracle's runner)
  not_a_tty(1, "stdout, a pipe");

  int p[2];
  REQUIRE(pipe(p) == 0);
  not_a_tty(p[0], "pipe");
  file_type(p[0], S_IFIFO, "pipe");
  OK(fails_with(pread(p[0], buf, 1, 0), ESPIPE), "pread(pipe) is ESPIPE");
  OK(fails_with(pwrite(p[1], "x", 1, 0), ESPIPE), "pwrite(pipe) is ESPIPE");
  OK(fails_with(lseek(p[0], 0, SEEK_SET), ESPIPE), "lseek(pipe) is ESPIPE");
  OK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, p[0], 0) == MAP_FAILED && errno == ENODEV, "mmap(pipe) is ENODEV");
  close(p[0]);
  close(p[1]);

  snprintf(path, sizeof path, "%s/kind_ops.txt", D);
  int f = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  REQUIRE(f >= 0);
  REQUIRE(write(f, "hello", 5) == 5);
  close(f);
  f = open(path, O_RDONLY);
  REQUIRE(f >= 0);
  not_a_tty(f, "file");
  file_type(f, S_IFREG, "file");
  OK(fails_with(write(f, "x", 1), EBADF), "write(read-only file) is EBADF");
  OK(pread(f, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5), "pread(file) reads");
  void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, f, 0);
  OK(m != MAP_FAILED && !memcmp(m, "hello", 5), "mmap(file) maps it");
  if (m != MAP_FAILED) munmap(m, 4096);
  close(f);
  unlink(path);

  snprintf(sub, sizeof sub, "%s/kind_ops.d", D);
  REQUIRE(mkdir(sub, 0755) == 0);
  int d = open(sub, O_RDONLY | O_DIRECTORY);
  REQUIRE(d >= 0);
  not_a_tty(d, "directory");
  file_type(d, S_IFDIR, "directory");
  OK(fails_with(read(d, buf, 1), EISDIR), "read(directory) is EISDIR");
  OK(fails_with(pread(d, buf, 1, 0), EISDIR), "pread(directory) is EISDIR");
  OK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, d, 0) == MAP_FAILED && errno == ENODEV, "mmap(directory) is ENODEV");
  close(d);
  rmdir(sub);

  // the root above the preopen (a directory libc emulates here)
  int r = open("/", O_RDONLY | O_DIRECTORY);
  REQUIRE(r >= 0);
  file_type(r, S_IFDIR, "/");
  OK(fails_with(read(r, buf, 1), EISDIR), "read(/) is EISDIR");
  OK(fails_with(pread(r, buf, 1, 0), EISDIR), "pread(/) is EISDIR");
  not_a_tty(r, "/");
  close(r);

  int n = open("/dev/null", O_RDWR);
  REQUIRE(n >= 0);
  not_a_tty(n, "/dev/null");
  file_type(n, S_IFCHR, "/dev/null");
  close(n);

  // a socket is read-write (F_GETFL), never a terminal; making one sends nothing
  int s = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  OK((fcntl(s, F_GETFL) & O_ACCMODE) == O_RDWR, "a socket's access mode is O_RDWR");
  not_a_tty(s, "socket");
  file_type(s, S_IFSOCK, "socket");
  close(s);
  return CHECK_DONE();
}
