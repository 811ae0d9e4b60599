// A directory is a directory whether or not it was opened with O_DIRECTORY:
// the fd's kind follows what the host says it is.  Record locks apply to
// every kind of fd as on Linux (a read lock needs a readable fd, a write lock
// a writable one; bad requests are EINVAL), so a directory opened either way
// takes a read lock and refuses a write lock with EBADF; epoll refuses both
// (EPERM).  On wasm, <wasi/descriptors.h> calls both WASIP2_FD_DIRECTORY and
// a file WASIP2_FD_FILE, and a pipe in-process.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __wasi__
#include <wasi/descriptors.h>
#endif
#include "check.h"

static int lock(int fd, int cmd, int type, int whence, off_t start) {
  struct flock fl;
  memset(&fl, 0, sizeof fl);
  fl.l_type = type;
  fl.l_whence = whence;
  fl.l_start = start;
  int r = fcntl(fd, cmd, &fl);
  if (r == 0 && cmd == F_GETLK && fl.l_type != F_UNLCK) { errno = 0; return -2; }
  return r;
}

static void wasi_kind(int fd, int want, const char *what) {
#ifdef __wasi__
  struct wasip2_fd_handles h;
  CHECK(wasip2_fd_get_handles(fd, &h) == 0 && h.kind == want, "%s: handles kind %d, want %d", what, h.kind, want);
  if (want == WASIP2_FD_FILE || want == WASIP2_FD_DIRECTORY) CHECK(h.descriptor != 0, "%s: a descriptor", what);
#else
  (void)fd; (void)want; (void)what;
#endif
}

static void dir_fd(int fd, const char *how) {
  char msg[80];
  snprintf(msg, sizeof msg, "directory opened %s", how);
  OK(lock(fd, F_SETLK, F_RDLCK, SEEK_SET, 0) == 0, "%s: read lock granted", msg);
  OK(lock(fd, F_SETLKW, F_UNLCK, SEEK_SET, 0) == 0, "%s: unlock", msg);
  errno = 0;
  OK(lock(fd, F_SETLK, F_WRLCK, SEEK_SET, 0) == -1 && errno == EBADF, "%s: write lock EBADF (not writable)", msg);
  OK(lock(fd, F_GETLK, F_WRLCK, SEEK_SET, 0) == 0, "%s: F_GETLK says F_UNLCK", msg);
  int ep = epoll_create1(0);
  struct epoll_event ev = { .events = EPOLLIN };
  errno = 0;
  OK(ep >= 0 && epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == -1 && errno == EPERM, "%s: epoll_ctl EPERM", msg);
  close(ep);
  struct stat st;
  OK(fstat(fd, &st) == 0 && S_ISDIR(st.st_mode), "%s: fstat says S_IFDIR", msg);
#ifdef __wasi__
  wasi_kind(fd, WASIP2_FD_DIRECTORY, msg);
#endif
}

int main(void) {
  const char *D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  char sub[512], file[512];
  snprintf(sub, sizeof sub, "%s/sub", D);
  snprintf(file, sizeof file, "%s/f", D);
  REQUIRE(mkdir(sub, 0755) == 0);

  // descriptors.h first, before anything else asked the host the type
  int d1 = open(sub, O_RDONLY);
  REQUIRE(d1 >= 0);
#ifdef __wasi__
  wasi_kind(d1, WASIP2_FD_DIRECTORY, "directory opened without O_DIRECTORY, asked first");
#endif
  dir_fd(d1, "without O_DIRECTORY");
  close(d1);
  int d2 = open(sub, O_RDONLY | O_DIRECTORY);
  REQUIRE(d2 >= 0);
  dir_fd(d2, "with O_DIRECTORY");
  close(d2);

  int f = open(file, O_CREAT | O_WRONLY, 0644);
  REQUIRE(f >= 0);
  OK(lock(f, F_SETLK, F_WRLCK, SEEK_SET, 0) == 0, "write-only file: write lock granted");
  errno = 0;
  OK(lock(f, F_SETLK, F_RDLCK, SEEK_SET, 0) == -1 && errno == EBADF, "write-only file: read lock EBADF");
  OK(lock(f, F_SETLK, F_UNLCK, SEEK_SET, 0) == 0, "write-only file: unlock");
  errno = 0;
  OK(lock(f, F_SETLK, 77, SEEK_SET, 0) == -1 && errno == EINVAL, "bad lock type: EINVAL");
  errno = 0;
  OK(lock(f, F_GETLK, F_UNLCK, SEEK_SET, 0) == -1 && errno == EINVAL, "F_GETLK of F_UNLCK: EINVAL");
  errno = 0;
  OK(lock(f, F_SETLK, F_WRLCK, 9, 0) == -1 && errno == EINVAL, "bad whence: EINVAL");
  errno = 0;
  OK(lock(f, F_SETLK, F_WRLCK, SEEK_SET, -1) == -1 && errno == EINVAL, "negative start: EINVAL");
  wasi_kind(f, 2 /* WASIP2_FD_FILE */, "file");
  close(f);

  int p[2];
  REQUIRE(pipe(p) == 0);
  OK(lock(p[0], F_SETLK, F_RDLCK, SEEK_SET, 0) == 0, "pipe read end: read lock granted");
  OK(lock(p[1], F_SETLK, F_WRLCK, SEEK_SET, 0) == 0, "pipe write end: write lock granted");
  wasi_kind(p[0], 6 /* WASIP2_FD_IN_PROCESS */, "pipe");
  close(p[0]);
  close(p[1]);
  int s = socket(AF_INET, SOCK_STREAM, 0);
  OK(s >= 0 && lock(s, F_SETLK, F_WRLCK, SEEK_SET, 0) == 0, "TCP socket: write lock granted");
  close(s);
  return CHECK_DONE();
}
