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

static int failures;
#define CHECK(cond, ...) do { if (!(cond)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)
// call must fail with -1 and errno e
#define EXPECT_ERR(call, e) do { errno = 0; long r_ = (long)(call); \
  if (r_ != -1 || errno != (e)) { printf("FAIL %s:%d: %s gave %ld errno %d (%s), want -1 %s\n", __FILE__, __LINE__, #call, r_, errno, strerror(errno), #e); failures++; } \
  else printf("ok: %s -> %s\n", #call, #e); } while (0)
// call must return v and leave errno untouched (POSIX: errno is only set on failure)
#define EXPECT_VAL(call, v) do { errno = 4321; long r_ = (long)(call); \
  if (r_ != (long)(v) || errno != 4321) { printf("FAIL %s:%d: %s gave %ld errno %d, want %ld errno unchanged\n", __FILE__, __LINE__, #call, r_, errno, (long)(v)); failures++; } \
  else printf("ok: %s -> %ld\n", #call, (long)(v)); } while (0)

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
  EXPECT_VAL(write(fd, buf, 0), 0);
  EXPECT_VAL(read(fd, buf, 0), 0);
  EXPECT_VAL(write(fd, "hello", 5), 5);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 5);
  // a negative resulting offset is EINVAL and leaves the offset alone
  EXPECT_ERR(lseek(fd, -6, SEEK_CUR), EINVAL);
  EXPECT_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
  EXPECT_ERR(lseek(fd, -100, SEEK_END), EINVAL);
  EXPECT_ERR(lseek(fd, 0, 12345), EINVAL);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 5);
  // seeking past the end is allowed; writing there leaves a hole of zeros
  EXPECT_VAL(lseek(fd, 10, SEEK_END), 15);
  EXPECT_VAL(read(fd, buf, sizeof buf), 0); // at/after EOF: 0, not an error
  EXPECT_VAL(write(fd, "X", 1), 1);
  struct stat st;
  EXPECT_VAL(fstat(fd, &st), 0);
  CHECK(st.st_size == 16, "size after hole write %lld", (long long)st.st_size);
  memset(buf, 'z', sizeof buf);
  EXPECT_VAL(pread(fd, buf, sizeof buf, 0), 16);
  CHECK(memcmp(buf, "hello\0\0\0\0\0\0\0\0\0\0X", 16) == 0, "hole does not read as zeros");
  // pread/pwrite: negative offset EINVAL, file offset unchanged
  EXPECT_ERR(pread(fd, buf, 1, -1), EINVAL);
  EXPECT_ERR(pwrite(fd, buf, 1, -1), EINVAL);
  EXPECT_ERR(pwrite(fd, buf, 0, -1), EINVAL);
  EXPECT_VAL(pwrite(fd, "J", 1, 0), 1);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 16);
  EXPECT_VAL(pread(fd, buf, 4, 100), 0); // beyond EOF: 0
  // readv/writev: iovcnt 0 transfers nothing; bad counts and overflowing
  // sums are EINVAL
  struct iovec iov[2] = { { buf, 1 }, { buf, 1 } };
  EXPECT_VAL(writev(fd, iov, 0), 0);
  EXPECT_VAL(readv(fd, iov, 0), 0);
  EXPECT_ERR(writev(fd, iov, -1), EINVAL);
  EXPECT_ERR(readv(fd, iov, -1), EINVAL);
  EXPECT_ERR(writev(fd, iov, IOV_MAX + 1), EINVAL);
  EXPECT_ERR(readv(fd, iov, IOV_MAX + 1), EINVAL);
  struct iovec big[2] = { { buf, SSIZE_MAX }, { buf, SSIZE_MAX } };
  EXPECT_ERR(writev(fd, big, 2), EINVAL);
  EXPECT_ERR(readv(fd, big, 2), EINVAL);
  EXPECT_ERR(preadv(fd, iov, -1, 0), EINVAL);
  EXPECT_ERR(pwritev(fd, iov, IOV_MAX + 1, 0), EINVAL);
  EXPECT_VAL(lseek(fd, 16, SEEK_SET), 16);
  // ftruncate: negative length EINVAL
  EXPECT_ERR(ftruncate(fd, -1), EINVAL);
  // isatty on a regular file: 0 with ENOTTY
  errno = 0;
  CHECK(isatty(fd) == 0 && errno == ENOTTY, "isatty(file) errno %d", errno);
  errno = 0;
  CHECK(isatty(77) == 0 && errno == EBADF, "isatty(bad) errno %d", errno);
  // F_GETFL: access mode and status flags; F_SETFL ignores the access mode
  EXPECT_VAL(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR);
  EXPECT_VAL(fcntl(fd, F_SETFL, O_RDONLY | O_APPEND), 0);
  EXPECT_VAL(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR | O_APPEND);
  // O_APPEND: write goes to the end whatever the offset
  EXPECT_VAL(lseek(fd, 0, SEEK_SET), 0);
  EXPECT_VAL(write(fd, "A", 1), 1);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 17);
  // Linux: pwrite on an O_APPEND descriptor appends, whatever the offset
  // (pwrite(2) BUGS), and leaves the file offset alone
  EXPECT_VAL(lseek(fd, 3, SEEK_SET), 3);
  EXPECT_VAL(pwrite(fd, "P", 1, 0), 1);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 3);
  EXPECT_VAL(pread(fd, buf, 32, 0), 18);
  CHECK(buf[0] == 'J' && buf[16] == 'A' && buf[17] == 'P', "O_APPEND pwrite: got %.18s", buf);
  EXPECT_VAL(fcntl(fd, F_SETFL, O_NONBLOCK), 0);
  EXPECT_VAL(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR | O_NONBLOCK);
  EXPECT_VAL(fcntl(fd, F_SETFL, 0), 0);
  // unknown fcntl command
  EXPECT_ERR(fcntl(fd, 0x7777), EINVAL);
  EXPECT_VAL(fcntl(fd, F_GETFD), 0);
  EXPECT_VAL(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
  EXPECT_VAL(fcntl(fd, F_GETFD), FD_CLOEXEC);
  // F_DUPFD: lowest free >= arg; negative or >= the fd limit is EINVAL
  EXPECT_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
  EXPECT_ERR(fcntl(fd, F_DUPFD, 65536), EINVAL); // the table's limit
  EXPECT_ERR(fcntl(fd, F_DUPFD, INT_MAX), EINVAL);
  int d = fcntl(fd, F_DUPFD, 20);
  CHECK(d == 20, "F_DUPFD 20 gave %d", d);
  EXPECT_VAL(fcntl(d, F_GETFD), 0); // the new fd does not inherit FD_CLOEXEC
  int d2 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
  CHECK(d2 == 21, "F_DUPFD_CLOEXEC 20 gave %d", d2);
  EXPECT_VAL(fcntl(d2, F_GETFD), FD_CLOEXEC);
  // dup'd fds share the offset
  EXPECT_VAL(lseek(d, 7, SEEK_SET), 7);
  EXPECT_VAL(lseek(fd, 0, SEEK_CUR), 7);
  // dup2: same fd returns it (if valid), bad fds are EBADF
  EXPECT_VAL(dup2(fd, fd), fd);
  EXPECT_ERR(dup2(55, 55), EBADF);
  EXPECT_ERR(dup2(55, 56), EBADF);
  EXPECT_ERR(dup2(fd, -1), EBADF);
  EXPECT_ERR(dup2(fd, INT_MAX), EBADF);
  EXPECT_ERR(dup3(fd, fd, 0), EINVAL);
  // dup2 onto an open fd closes what it held and clears FD_CLOEXEC
  int other = open("/data/g", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(other >= 0, "open g");
  EXPECT_VAL(fcntl(other, F_SETFD, FD_CLOEXEC), 0);
  EXPECT_VAL(dup2(fd, other), other);
  EXPECT_VAL(fcntl(other, F_GETFD), 0);
  EXPECT_VAL(lseek(other, 0, SEEK_CUR), 7); // now fd's description
  EXPECT_VAL(close(other), 0);
  EXPECT_VAL(close(d), 0);
  EXPECT_VAL(close(d2), 0);
  EXPECT_ERR(close(d2), EBADF);
  EXPECT_ERR(close(-1), EBADF);
  EXPECT_VAL(close(fd), 0);
  EXPECT_ERR(read(fd, buf, 1), EBADF);
  EXPECT_ERR(write(fd, buf, 0), EBADF);
  EXPECT_ERR(lseek(fd, 0, SEEK_SET), EBADF);
  EXPECT_ERR(fstat(fd, &st), EBADF);
  EXPECT_ERR(fcntl(fd, F_GETFD), EBADF);

  // access modes: write to O_RDONLY and read from O_WRONLY are EBADF,
  // even for zero bytes (the check comes before the count)
  fd = open("/data/f", O_RDONLY);
  CHECK(fd >= 0, "open ro");
  EXPECT_ERR(write(fd, "x", 1), EBADF);
  EXPECT_ERR(write(fd, "x", 0), EBADF);
  EXPECT_ERR(pwrite(fd, "x", 1, 0), EBADF);
  struct iovec one = { "x", 1 };
  EXPECT_ERR(writev(fd, &one, 1), EBADF);
  EXPECT_VAL(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
  // Linux: ftruncate on a descriptor not open for writing is EINVAL
  // (POSIX allows EBADF or EINVAL)
  EXPECT_ERR(ftruncate(fd, 0), EINVAL);
  close(fd);
  fd = open("/data/f", O_WRONLY);
  CHECK(fd >= 0, "open wo");
  EXPECT_ERR(read(fd, buf, 1), EBADF);
  EXPECT_ERR(read(fd, buf, 0), EBADF);
  EXPECT_ERR(pread(fd, buf, 1, 0), EBADF);
  EXPECT_ERR(readv(fd, &one, 1), EBADF);
  EXPECT_VAL(fcntl(fd, F_GETFL) & O_ACCMODE, O_WRONLY);
  close(fd);
}

static void dirs(void) {
  char buf[16];
  EXPECT_VAL(mkdir("/data/dir", 0755), 0);
  // a directory opened with and without O_DIRECTORY: read is EISDIR
  int fd = open("/data/dir", O_RDONLY | O_DIRECTORY);
  CHECK(fd >= 0, "open dir: %s", strerror(errno));
  EXPECT_ERR(read(fd, buf, sizeof buf), EISDIR);
  EXPECT_ERR(pread(fd, buf, sizeof buf, 0), EISDIR);
  struct iovec one = { buf, 1 };
  EXPECT_ERR(readv(fd, &one, 1), EISDIR);
  // opened read-only, so write is EBADF (Linux never opens a dir writable)
  EXPECT_ERR(write(fd, "x", 1), EBADF);
  EXPECT_VAL(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
  close(fd);
  fd = open("/data/dir", O_RDONLY);
  CHECK(fd >= 0, "open dir plain: %s", strerror(errno));
  EXPECT_ERR(read(fd, buf, sizeof buf), EISDIR);
  close(fd);
  // a directory cannot be opened for writing
  EXPECT_ERR(open("/data/dir", O_WRONLY), EISDIR);
  EXPECT_ERR(open("/data/dir", O_RDWR), EISDIR);
}

static void stdio_and_dev(void) {
  char buf[4];
  // stdout is a pipe here: zero-length write is 0, seeking is ESPIPE
  EXPECT_VAL(write(1, buf, 0), 0);
  EXPECT_ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
  EXPECT_ERR(pwrite(1, "x", 1, 0), ESPIPE);
  EXPECT_ERR(pread(0, buf, 1, 0), ESPIPE);
  EXPECT_ERR(read(1, buf, 1), EBADF);
  EXPECT_ERR(write(0, "x", 1), EBADF);
  int fl = fcntl(1, F_GETFL);
  CHECK(fl >= 0 && ((fl & O_ACCMODE) == O_WRONLY || (fl & O_ACCMODE) == O_RDWR), "F_GETFL(1) %#x", fl);
  fl = fcntl(0, F_GETFL);
  CHECK(fl >= 0 && ((fl & O_ACCMODE) == O_RDONLY || (fl & O_ACCMODE) == O_RDWR), "F_GETFL(0) %#x", fl);
  // stdin is a pipe with nothing in it (harness gives no stdin): the zero
  // read needs no data
  EXPECT_VAL(read(0, buf, 0), 0);
  int n = open("/dev/null", O_RDWR);
  CHECK(n >= 0, "open /dev/null");
  EXPECT_VAL(write(n, buf, 0), 0);
  EXPECT_VAL(read(n, buf, 0), 0);
  EXPECT_VAL(read(n, buf, 4), 0);
  EXPECT_VAL(write(n, "abcd", 4), 4);
  errno = 0;
  CHECK(isatty(n) == 0 && errno == ENOTTY, "isatty(/dev/null) errno %d", errno);
  close(n);
  // fsync on a pipe or character device: EINVAL (Linux)
  EXPECT_ERR(fsync(1), EINVAL);
  EXPECT_ERR(fdatasync(1), EINVAL);
  EXPECT_ERR(fsync(-1), EBADF);
  errno = 0;
  CHECK(isatty(-1) == 0 && errno == EBADF, "isatty(-1) errno %d", errno);
}

// runs last: gives up stdin
static void lowest_fd(void) {
  // POSIX: open returns the lowest free descriptor, stdio slots included
  EXPECT_VAL(close(0), 0);
  EXPECT_ERR(read(0, NULL, 0), EBADF);
  int fd = open("/data/f", O_RDONLY);
  CHECK(fd == 0, "open after close(0) gave %d", fd);
  char c;
  EXPECT_VAL(read(0, &c, 1), 1);
  // dup2 onto 0 replaces it; the old description lives on through fd
  int keep = dup(0);
  EXPECT_VAL(dup2(1, 0), 0);
  EXPECT_VAL(fcntl(0, F_GETFL) & O_ACCMODE, fcntl(1, F_GETFL) & O_ACCMODE);
  EXPECT_VAL(lseek(keep, 0, SEEK_CUR), 1);
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
  EXPECT_VAL(poll(p, 4, 0), 2);
  CHECK(p[0].revents == 0, "fd -1 revents %#x", p[0].revents);
  CHECK(p[1].revents == 0, "events 0 revents %#x", p[1].revents);
  CHECK(p[2].revents == POLLNVAL, "closed fd revents %#x", p[2].revents);
  CHECK(p[3].revents == (POLLIN | POLLOUT), "file revents %#x", p[3].revents);
  // POLLNVAL is reported even when events is 0
  struct pollfd q = { closed, 0, 0 };
  EXPECT_VAL(poll(&q, 1, 0), 1);
  CHECK(q.revents == POLLNVAL, "closed fd events 0 revents %#x", q.revents);
  // nfds 0 with a timeout sleeps for it
  int64_t t0 = now_ms();
  EXPECT_VAL(poll(NULL, 0, 60), 0);
  int64_t el = now_ms() - t0;
  CHECK(el >= 55, "poll(NULL,0,60) returned after %lld ms", (long long)el);
  // only fd -1 entries and a timeout: same as nfds 0
  struct pollfd neg = { -5, POLLIN, 0 };
  t0 = now_ms();
  EXPECT_VAL(poll(&neg, 1, 40), 0);
  CHECK(now_ms() - t0 >= 35, "poll on fd -5 did not sleep");

  // select: nfds beyond FD_SETSIZE or negative is EINVAL, a closed fd in a
  // set is EBADF, a zero timeout with nothing set returns 0
  fd_set r, w;
  struct timeval tv = { 0, 0 };
  FD_ZERO(&r);
  FD_SET(fd, &r);
  EXPECT_ERR(select(FD_SETSIZE + 1, &r, NULL, NULL, &tv), EINVAL);
  EXPECT_ERR(select(-1, &r, NULL, NULL, &tv), EINVAL);
  FD_ZERO(&r);
  FD_SET(closed, &r);
  EXPECT_ERR(select(closed + 1, &r, NULL, NULL, &tv), EBADF);
  struct timeval bad = { 0, 1000000 };
  FD_ZERO(&r);
  EXPECT_ERR(select(1, &r, NULL, NULL, &bad), EINVAL);
  bad.tv_sec = -1; bad.tv_usec = 0;
  EXPECT_ERR(select(1, &r, NULL, NULL, &bad), EINVAL);
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(fd, &r);
  FD_SET(fd, &w);
  EXPECT_VAL(select(fd + 1, &r, &w, NULL, &tv), 2);
  CHECK(FD_ISSET(fd, &r) && FD_ISSET(fd, &w), "file not ready in select");
  t0 = now_ms();
  tv.tv_sec = 0; tv.tv_usec = 50000;
  EXPECT_VAL(select(0, NULL, NULL, NULL, &tv), 0);
  CHECK(now_ms() - t0 >= 45, "select(0,...,50ms) did not sleep");
  close(fd);
}

int main(void) {
  files();
  dirs();
  stdio_and_dev();
  polling();
  lowest_fd();
  printf("%s\n", failures ? "SOME FAILED" : "all ok");
  return failures != 0;
}
