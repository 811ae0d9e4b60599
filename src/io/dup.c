// dup, dup2, dup3: new fds sharing one open description.
// __wasilibc_fd_renumber is the top half's name for dup2-then-close (freopen).
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "wasip2_fd.h"
#include "wasip2_top.h"

int dup(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  return __wasip2_fd_install(d, 0);
}

int dup2(int oldfd, int newfd) {
  return __wasip2_fd_dup2(oldfd, newfd);
}

int dup3(int oldfd, int newfd, int flags) {
  if (oldfd == newfd || (flags & ~O_CLOEXEC)) { errno = EINVAL; return -1; }
  if (__wasip2_fd_dup2(oldfd, newfd) < 0) return -1;
  if (flags & O_CLOEXEC) __wasip2_fd_setfdflags(newfd, FD_CLOEXEC);
  return newfd;
}

int __wasilibc_fd_renumber(int fd, int newfd) {
  if (__wasip2_fd_dup2(fd, newfd) < 0) return -1;
  if (fd != newfd) __wasip2_fd_close(fd);
  return 0;
}
