// POSIX edge cases of the descriptor layer (read/write/lseek/pread/pwrite,
// readv/writev, dup/dup2/fcntl, close, poll/select, isatty) on files,
// directories, stdio and /dev/null, each checked against what POSIX says
// and what Linux does.
//! dir: /data
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void files(void) {
  char buf[64];
  int fd = open("/data/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 3, "open /data/f: %d %s", fd, strerror(errno));
  // zero-length transfers succeed and do nothing
  CHECK_RET(write(fd, buf, 0), 0);
  CHECK_RET(read(fd, buf, 0), 0);
  CHECK_RET(write(fd, "hello", 5), 5);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 5);
  // a negative resulting offset is EINVAL and leaves the offset alone
  CHECK_ERRNO(lseek(fd, -6, SEEK_CUR), EINVAL);
  CHECK_ERRNO(lseek(fd, -1, SEEK_SET), EINVAL);
  CHECK_ERRNO(lseek(fd, -100, SEEK_END), EINVAL);
  CHECK_ERRNO(lseek(fd, 0, 12345), EINVAL);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 5);
  // seeking past the end is allowed; writing there leaves a hole of zeros
  CHECK_RET(lseek(fd, 10, SEEK_END), 15);
  CHECK_RET(read(fd, buf, sizeof buf), 0); // at/after EOF: 0, not an error
  CHECK_RET(write(fd, "X", 1), 1);
  struct stat st;
  CHECK_RET(fstat(fd, &st), 0);
  CHECK(st.st_size == 16, "size after hole write %lld", (long long)st.st_size);
  memset(buf, 'z', sizeof buf);
  CHECK_RET(pread(fd, buf, sizeof buf, 0), 16);
  CHECK(memcmp(buf, "hello\0\0\0\0\0\0\0\0\0\0X", 16) == 0, "hole does not read as zeros");
  // pread/pwrite: negative offset EINVAL, file offset unchanged
  CHECK_ERRNO(pread(fd, buf, 1, -1), EINVAL);
  CHECK_ERRNO(pwrite(fd, buf, 1, -1), EINVAL);
  CHECK_ERRNO(pwrite(fd, buf, 0, -1), EINVAL);
  CHECK_RET(pwrite(fd, "J", 1, 0), 1);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 16);
  CHECK_RET(pread(fd, buf, 4, 100), 0); // beyond EOF: 0
  // readv/writev: iovcnt 0 transfers nothing; bad counts and overflowing
  // sums are EINVAL
  struct iovec iov[2] = { { buf, 1 }, { buf, 1 } };
  CHECK_RET(writev(fd, iov, 0), 0);
  CHECK_RET(readv(fd, iov, 0), 0);
  CHECK_ERRNO(writev(fd, iov, -1), EINVAL);
  CHECK_ERRNO(readv(fd, iov, -1), EINVAL);
  CHECK_ERRNO(writev(fd, iov, IOV_MAX + 1), EINVAL);
  CHECK_ERRNO(readv(fd, iov, IOV_MAX + 1), EINVAL);
  struct iovec big[2] = { { buf, SSIZE_MAX }, { buf, SSIZE_MAX } };
  CHECK_ERRNO(writev(fd, big, 2), EINVAL);
  CHECK_ERRNO(readv(fd, big, 2), EINVAL);
  CHECK_ERRNO(preadv(fd, iov, -1, 0), EINVAL);
  CHECK_ERRNO(pwritev(fd, iov, IOV_MAX + 1, 0), EINVAL);
  CHECK_RET(lseek(fd, 16, SEEK_SET), 16);
  // ftruncate: negative length EINVAL
  CHECK_ERRNO(ftruncate(fd, -1), EINVAL);
  // isatty on a regular file: 0 with ENOTTY
  errno = 0;
  CHECK(isatty(fd) == 0 && errno == ENOTTY, "isatty(file) errno %d", errno);
  errno = 0;
  CHECK(isatty(77) == 0 && errno == EBADF, "isatty(bad) errno %d", errno);
  // F_GETFL: access mode and status flags; F_SETFL ignores the access mode
  CHECK_RET(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR);
  CHECK_RET(fcntl(fd, F_SETFL, O_RDONLY | O_APPEND), 0);
  CHECK_RET(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR | O_APPEND);
  // O_APPEND: write goes to the end whatever the offset
  CHECK_RET(lseek(fd, 0, SEEK_SET), 0);
  CHECK_RET(write(fd, "A", 1), 1);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 17);
  // Linux: pwrite on an O_APPEND descriptor appends, whatever the offset
  // (pwrite(2) BUGS), and leaves the file offset alone
  CHECK_RET(lseek(fd, 3, SEEK_SET), 3);
  CHECK_RET(pwrite(fd, "P", 1, 0), 1);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 3);
  CHECK_RET(pread(fd, buf, 32, 0), 18);
  CHECK(buf[0] == 'J' && buf[16] == 'A' && buf[17] == 'P', "O_APPEND pwrite: got %.18s", buf);
  CHECK_RET(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
  CHECK_RET(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR | O_NONBLOCK);
  CHECK_RET(fcntl(fd, F_SETFL, 0), 0);
  // unknown fcntl command
  CHECK_ERRNO(fcntl(fd, 0x7777), EINVAL);
  CHECK_RET(fcntl(fd, F_GETFD), 0);
  CHECK_RET(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
  CHECK_RET(fcntl(fd, F_GETFD), FD_CLOEXEC);
  // F_DUPFD: lowest free >= arg; negative or >= the fd limit is EINVAL
  CHECK_ERRNO(fcntl(fd, F_DUPFD, -1), EINVAL);
  CHECK_ERRNO(fcntl(fd, F_DUPFD, 65536), EINVAL); // the table's limit
  CHECK_ERRNO(fcntl(fd, F_DUPFD, INT_MAX), EINVAL);
  int d = fcntl(fd, F_DUPFD, 20);
  CHECK(d == 20, "F_DUPFD 20 gave %d", d);
  CHECK_RET(fcntl(d, F_GETFD), 0); // the new fd does not inherit FD_CLOEXEC
  int d2 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
  CHECK(d2 == 21, "F_DUPFD_CLOEXEC 20 gave %d", d2);
  CHECK_RET(fcntl(d2, F_GETFD), FD_CLOEXEC);
  // dup'd fds share the offset
  CHECK_RET(lseek(d, 7, SEEK_SET), 7);
  CHECK_RET(lseek(fd, 0, SEEK_CUR), 7);
  // dup2: same fd returns it (if valid), bad fds are EBADF
  CHECK_RET(dup2(fd, fd), fd);
  CHECK_ERRNO(dup2(55, 55), EBADF);
  CHECK_ERRNO(dup2(55, 56), EBADF);
  CHECK_ERRNO(dup2(fd, -1), EBADF);
  CHECK_ERRNO(dup2(fd, INT_MAX), EBADF);
  CHECK_ERRNO(dup3(fd, fd, 0), EINVAL);
  // dup2 onto an open fd closes what it held and clears FD_CLOEXEC
  int other = open("/data/g", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(other >= 0, "open g");
  CHECK_RET(fcntl(other, F_SETFD, FD_CLOEXEC), 0);
  CHECK_RET(dup2(fd, other), other);
  CHECK_RET(fcntl(other, F_GETFD), 0);
  CHECK_RET(lseek(other, 0, SEEK_CUR), 7); // now fd's description
  CHECK_RET(close(other), 0);
  CHECK_RET(close(d), 0);
  CHECK_RET(close(d2), 0);
  CHECK_ERRNO(close(d2), EBADF);
  CHECK_ERRNO(close(-1), EBADF);
  CHECK_RET(close(fd), 0);
  CHECK_ERRNO(read(fd, buf, 1), EBADF);
  CHECK_ERRNO(write(fd, buf, 0), EBADF);
  CHECK_ERRNO(lseek(fd, 0, SEEK_SET), EBADF);
  CHECK_ERRNO(fstat(fd, &st), EBADF);
  CHECK_ERRNO(fcntl(fd, F_GETFD), EBADF);

  // access modes: write to O_RDONLY and read from O_WRONLY are EBADF,
  // even for zero bytes (the check comes before the count)
  fd = open("/data/f", O_RDONLY);
  CHECK(fd >= 0, "open ro");
  CHECK_ERRNO(write(fd, "x", 1), EBADF);
  CHECK_ERRNO(write(fd, "x", 0), EBADF);
  CHECK_ERRNO(pwrite(fd, "x", 1, 0), EBADF);
  struct iovec one = { "x", 1 };
  CHECK_ERRNO(writev(fd, &one, 1), EBADF);
  CHECK_RET(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
  // Linux: ftruncate on a descriptor not open for writing is EINVAL
  // (POSIX allows EBADF or EINVAL)
  CHECK_ERRNO(ftruncate(fd, 0), EINVAL);
  close(fd);
  fd = open("/data/f", O_WRONLY);
  CHECK(fd >= 0, "open wo");
  CHECK_ERRNO(read(fd, buf, 1), EBADF);
  CHECK_ERRNO(read(fd, buf, 0), EBADF);
  CHECK_ERRNO(pread(fd, buf, 1, 0), EBADF);
  CHECK_ERRNO(readv(fd, &one, 1), EBADF);
  CHECK_RET(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
  close(fd);
}

static void dirs(void) {
  char buf[16];
  CHECK_RET(mkdir("/data/dir", 0755), 0);
  // a directory opened with and without O_DIRECTORY: read is EISDIR
  int fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  CHECK(fd >= 0, "open dir: %s", strerror(errno));
  CHECK_ERRNO(read(fd, buf, sizeof buf), EISDIR);
  CHECK_ERRNO(pread(fd, buf, sizeof buf, 0), EISDIR);
  struct iovec one = { buf, 1 };
  CHECK_ERRNO(readv(fd, &one, 1), EISDIR);
  // opened read-only, so write is EBADF (Linux never opens a dir writable)
  CHECK_ERRNO(write(fd, "x", 1), EBADF);
  CHECK_RET(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
  close(fd);
  fd = open("/data/dir", O_RDONLY);
  CHECK(fd >= 0, "open dir plain: %s", strerror(errno));
  CHECK_ERRNO(read(fd, buf, sizeof buf), EISDIR);
  close(fd);
  // a directory cannot be opened for writing
  CHECK_ERRNO(open("/data/dir", O_WRONLY), EISDIR);
  CHECK_ERRNO(open("/data/dir", O_RDWR), EISDIR);
}

static void stdio_and_dev(void) {
  char buf[4];
  // stdout is a pipe here: zero-length write is 0, seeking is ESPIPE
  CHECK_RET(write(1, buf, 0), 0);
  CHECK_ERRNO(lseek(1, 0, SEEK_CUR), ESPIPE);
  CHECK_ERRNO(pwrite(1, "x", 1, 0), ESPIPE);
  CHECK_ERRNO(pread(0, buf, 1, 0), ESPIPE);
  CHECK_ERRNO(read(1, buf, 1), EBADF);
  CHECK_ERRNO(write(0, "x", 1), EBADF);
  int fl = fcntl(1, F_GETFL);
  CHECK(fl >= 0 && ((fl & O_ACCMODE) == O_WRONLY || (fl & O_ACCMODE) == O_RDWR), "F_GETFL(1) %#x", fl);
  fl = fcntl(0, F_GETFL);
  CHECK(fl >= 0 && ((fl & O_ACCMODE) == O_RDONLY || (fl & O_ACCMODE) == O_RDWR), "F_GETFL(0) %#x", fl);
  // stdin is a pipe with nothing in it (harness gives no stdin): the zero
  // read needs no data
  CHECK_RET(read(0, buf, 0), 0);
  int n = open("/dev/null", O_RDWR);
  CHECK(n >= 0, "open /dev/null");
  CHECK_RET(write(n, buf, 0), 0);
  CHECK_RET(read(n, buf, 0), 0);
  CHECK_RET(read(n, buf, 4), 0);
  CHECK_RET(write(n, "abcd", 4), 4);
  errno = 0;
  CHECK(isatty(n) == 0 && errno == ENOTTY, "isatty(/dev/null) errno %d", errno);
  close(n);
  // fsync on a pipe or character device: EINVAL (Linux)
  CHECK_ERRNO(fsync(1), EINVAL);
  CHECK_ERRNO(fdatasync(1), EINVAL);
  CHECK_ERRNO(fsync(-1), EBADF);
  errno = 0;
  CHECK(isatty(-1) == 0 && errno == EBADF, "isatty(-1) errno %d", errno);
}

// runs last: gives up stdin
static void lowest_fd(void) {
  // POSIX: open returns the lowest free descriptor, stdio slots included
  CHECK_RET(close(0), 0);
  CHECK_ERRNO(read(0, NULL, 0), EBADF);
  int fd = open("/data/f", O_RDONLY);
  CHECK(fd == 0, "open after close(0) gave %d", fd);
  char c;
  CHECK_RET(read(0, &c, 1), 1);
  // dup2 onto 0 replaces it; the old description lives on through fd
  int keep = dup(0);
  CHECK_RET(dup2(1, 0), 0);
  CHECK_RET(fcntl(0, F_GETFL) & O_ACCMODE, fcntl(1, F_GETFL) & O_ACCMODE);
  CHECK_RET(lseek(keep, 0, SEEK_CUR), 1);
  close(keep);
}

static void polling(void) {
  int fd = open("/data/f", O_RDWR);
  CHECK(fd >= 0, "open f");
  int closed = open("/data/f", O_RDONLY);
  close(closed);
  struct pollfd p[4] = {
    { -1, POLLIN | POLLOUT, 0x7f },   // negative fd: ignored, revents 0
    { fd, 0, 0x7f },                  // no events asked: none reported
    { closed, POLLIN, 0 },            // closed fd: POLLNVAL, not EBADF
    { fd, POLLIN | POLLOUT, 0 },      // a regular file is always ready
  };
  CHECK_RET(poll(p, 4, 0), 2);
  CHECK(p[0].revents == 0, "fd -1 revents %#x", p[0].revents);
  CHECK(p[1].revents == 0, "events 0 revents %#x", p[1].revents);
  CHECK(p[2].revents == POLLNVAL, "closed fd revents %#x", p[2].revents);
  CHECK(p[3].revents == (POLLIN | POLLOUT), "file revents %#x", p[3].revents);
  // POLLNVAL is reported even when events is 0
  struct pollfd q = { closed, 0, 0 };
  CHECK_RET(poll(&q, 1, 0), 1);
  CHECK(q.revents == POLLNVAL, "closed fd events 0 revents %#x", q.revents);
  // nfds 0 with a timeout sleeps for it
  int64_t t0 = now_ms();
  CHECK_RET(poll(NULL, 0, 60), 0);
  int64_t el = now_ms() - t0;
  CHECK(el >= 55, "poll(NULL,0,60) returned after %lld ms", (long long)el);
  // only fd -1 entries and a timeout: same as nfds 0
  struct pollfd neg = { -5, POLLIN, 0 };
  t0 = now_ms();
  CHECK_RET(poll(&neg, 1, 40), 0);
  CHECK(now_ms() - t0 >= 35, "poll on fd -5 did not sleep");

  // select (as Linux): a negative nfds is EINVAL, one beyond FD_SETSIZE is
  // clamped, a closed fd in a set is EBADF, a negative tv_usec is EINVAL
  // (one of a second or more carries: test/net/clamps.c), a zero timeout
  // with nothing set returns 0
  fd_set r, w;
  struct timeval tv = { 0, 0 };
  FD_ZERO(&r);
  FD_SET(fd, &r);
  CHECK(select(FD_SETSIZE + 1, &r, NULL, NULL, &tv) >= 0);
  CHECK_ERRNO(select(-1, &r, NULL, NULL, &tv), EINVAL);
  FD_ZERO(&r);
  FD_SET(closed, &r);
  CHECK_ERRNO(select(closed + 1, &r, NULL, NULL, &tv), EBADF);
  struct timeval bad = { 0, -1 };
  FD_ZERO(&r);
  CHECK_ERRNO(select(1, &r, NULL, NULL, &bad), EINVAL);
  bad.tv_sec = -1; bad.tv_usec = 0;
  CHECK_ERRNO(select(1, &r, NULL, NULL, &bad), EINVAL);
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(fd, &r);
  FD_SET(fd, &w);
  CHECK_RET(select(fd + 1, &r, &w, NULL, &tv), 2);
  CHECK(FD_ISSET(fd, &r) && FD_ISSET(fd, &w), "file not ready in select");
  t0 = now_ms();
  tv.tv_sec = 0; tv.tv_usec = 50000;
  CHECK_RET(select(0, NULL, NULL, NULL, &tv), 0);
  CHECK(now_ms() - t0 >= 45, "select(0,...,50ms) did not sleep");
  close(fd);
}

int main(void) {
  files();
  dirs();
  stdio_and_dev();
  polling();
  lowest_fd();
  return CHECK_DONE();
}
