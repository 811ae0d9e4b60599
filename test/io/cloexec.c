// Close-on-exec is per fd, as on Linux: O_CLOEXEC is a real bit, and open,
// openat, mkostemp, pipe2, dup3 and F_DUPFD_CLOEXEC set FD_CLOEXEC on the new
// fd only; dup, dup2 and F_DUPFD clear it on theirs; F_SETFD on one fd leaves
// another fd of the same open description alone; F_GETFL never shows it.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output)
//! dir: /data
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static int cloexec(int fd) { int r = fcntl(fd, F_GETFD); return r < 0 ? -1 : (r & FD_CLOEXEC) != 0; }

int main(void) {
  const char *D = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  char path[512], tmpl[512];
  snprintf(path, sizeof path, "%s/f", D);

  // the bit is real and shares no bit with the other open flags
  OK(O_CLOEXEC != 0);
  OK((O_CLOEXEC & (O_ACCMODE | O_APPEND | O_NONBLOCK | O_CREAT | O_EXCL | O_TRUNC | O_DIRECTORY | O_NOFOLLOW | O_SYNC | O_DSYNC)) == 0);
  OK(FD_CLOEXEC == 1);

  int a = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  OK(a >= 0 && cloexec(a) == 0);
  int b = open(path, O_RDONLY | O_CLOEXEC);
  OK(b >= 0 && cloexec(b) == 1);
  // status flags do not carry it
  OK((fcntl(b, F_GETFL) & O_CLOEXEC) == 0);
  OK((fcntl(b, F_GETFL) & O_ACCMODE) == O_RDONLY);

  int dfd = open(D, O_RDONLY | O_DIRECTORY);
  OK(dfd >= 0 && cloexec(dfd) == 0);
  int c = openat(dfd, "f", O_WRONLY | O_CLOEXEC);
  OK(c >= 0 && cloexec(c) == 1);
  int c2 = openat(dfd, "f", O_WRONLY);
  OK(c2 >= 0 && cloexec(c2) == 0);

  // dup / F_DUPFD: the new fd never inherits it
  int d1 = dup(b);
  OK(d1 >= 0 && cloexec(d1) == 0 && cloexec(b) == 1);
  int d2 = fcntl(b, F_DUPFD, 10);
  OK(d2 >= 10 && cloexec(d2) == 0);
  int d3 = fcntl(a, F_DUPFD_CLOEXEC, 20);
  OK(d3 >= 20 && cloexec(d3) == 1 && cloexec(a) == 0);
  // dup2 onto an fd that had the flag: cleared
  OK(dup2(a, d3) == d3 && cloexec(d3) == 0);
  // dup2(fd, fd) changes nothing
  OK(dup2(b, b) == b && cloexec(b) == 1);
  // dup3: only O_CLOEXEC is allowed, oldfd == newfd is EINVAL
  OK(dup3(a, 30, O_CLOEXEC) == 30 && cloexec(30) == 1);
  OK(dup3(b, 30, 0) == 30 && cloexec(30) == 0);
  errno = 0; OK(dup3(a, a, O_CLOEXEC) == -1 && errno == EINVAL);
  errno = 0; OK(dup3(a, 31, O_NONBLOCK) == -1 && errno == EINVAL);

  // F_SETFD is per fd: b and d1 share one open description
  OK(fcntl(d1, F_SETFD, FD_CLOEXEC) == 0 && cloexec(d1) == 1);
  OK(fcntl(b, F_SETFD, 0) == 0 && cloexec(b) == 0 && cloexec(d1) == 1);
  // ...whereas status flags are per description
  OK(fcntl(b, F_SETFL, O_NONBLOCK) == 0 && (fcntl(d1, F_GETFL) & O_NONBLOCK));
  errno = 0; OK(fcntl(999, F_GETFD) == -1 && errno == EBADF);
  errno = 0; OK(fcntl(999, F_SETFD, FD_CLOEXEC) == -1 && errno == EBADF);

  // pipe2
  int p[2];
  OK(pipe2(p, O_CLOEXEC) == 0 && cloexec(p[0]) == 1 && cloexec(p[1]) == 1);
  int q[2];
  OK(pipe2(q, 0) == 0 && cloexec(q[0]) == 0 && cloexec(q[1]) == 0);
  errno = 0; OK(pipe2(q, O_APPEND) == -1 && errno == EINVAL);

  // mkostemp passes its flags through open
  snprintf(tmpl, sizeof tmpl, "%s/tXXXXXX", D);
  int t = mkostemp(tmpl, O_CLOEXEC);
  OK(t >= 0 && cloexec(t) == 1);
  unlink(tmpl);

  // devices go through the same table
  int n = open("/dev/null", O_WRONLY | O_CLOEXEC);
  OK(n >= 0 && cloexec(n) == 1);
  int n2 = open("/dev/null", O_WRONLY);
  OK(n2 >= 0 && cloexec(n2) == 0);

  // a closed-and-reused slot starts clean
  close(b);
  int r = open(path, O_RDONLY);
  OK(r == b && cloexec(r) == 0);

  return CHECK_DONE();
}
