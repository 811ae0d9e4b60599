// sendfile(2): copy up to `count` bytes from in_fd to out_fd.  Linux does it
// in the kernel; WASI 0.2 has no such call, so the bytes go through a buffer
// with read/pread and write, keeping Linux's contract:
//   - with `offset`, reading starts at *offset, *offset advances by what was
//     sent, and in_fd's own file offset is untouched (pread);
//   - without it, in_fd's offset advances by exactly what was sent (bytes
//     read but not accepted by out_fd are given back with lseek, as in_fd
//     must be a seekable file for Linux's sendfile too);
//   - a short or would-block write ends the call with the count so far; an
//     error before any byte was sent is -1 with errno (EAGAIN for a full
//     non-blocking socket, EBADF for a bad or wrongly-opened fd ...).
#include <errno.h>
#include <sys/sendfile.h>
#include <unistd.h>

// At most this much in one call, as Linux (0x7ffff000).
#define SENDFILE_MAX 0x7ffff000u

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count) {
  static char buf[65536];  // one thread: no one else can be in here
  size_t total = 0;
  if (offset && *offset < 0) {
    errno = EINVAL;
    return -1;
  }
  if (count > SENDFILE_MAX) count = SENDFILE_MAX;
  while (total < count) {
    size_t want = count - total < sizeof buf ? count - total : sizeof buf;
    ssize_t got = offset ? pread(in_fd, buf, want, *offset) : read(in_fd, buf, want);
    if (got < 0) return total ? (ssize_t)total : -1;
    if (got == 0) break;  // end of the input file
    size_t sent = 0;
    while (sent < (size_t)got) {
      ssize_t w = write(out_fd, buf + sent, (size_t)got - sent);
      if (w < 0) break;
      sent += (size_t)w;
    }
    int saved = errno;
    total += sent;
    if (offset) {
      *offset += (off_t)sent;
    } else if (sent < (size_t)got) {
      lseek(in_fd, -(off_t)((size_t)got - sent), SEEK_CUR);
    }
    if (sent < (size_t)got) {
      if (total) return (ssize_t)total;
      errno = saved;
      return -1;
    }
  }
  return (ssize_t)total;
}
