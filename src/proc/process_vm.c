// process_vm_readv/writev: there is one process, so only its own pid is
// reachable (ESRCH for others, as for a pid that does not exist); for it the
// call is a scatter/gather copy within our memory, byte for byte as Linux
// does (a short total when the sides differ in length).  flags must be 0.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static ssize_t copy(pid_t pid, const struct iovec *dst, unsigned long nd,
                    const struct iovec *src, unsigned long ns, unsigned long flags) {
  if (flags || nd > IOV_MAX || ns > IOV_MAX) {
    errno = EINVAL;
    return -1;
  }
  if (pid != getpid()) {
    errno = ESRCH;
    return -1;
  }
  if ((nd && !dst) || (ns && !src)) {
    errno = EFAULT;
    return -1;
  }
  size_t total = 0, di = 0, doff = 0, si = 0, soff = 0;
  while (di < nd && si < ns) {
    size_t dl = dst[di].iov_len - doff, sl = src[si].iov_len - soff;
    size_t n = dl < sl ? dl : sl;
    if (n) memmove((char *)dst[di].iov_base + doff, (const char *)src[si].iov_base + soff, n);
    total += n;
    doff += n;
    soff += n;
    if (doff == dst[di].iov_len) { di++; doff = 0; }
    if (soff == src[si].iov_len) { si++; soff = 0; }
  }
  return (ssize_t)total;
}

ssize_t process_vm_readv(pid_t pid, const struct iovec *local, unsigned long nl,
                         const struct iovec *remote, unsigned long nr, unsigned long flags) {
  return copy(pid, local, nl, remote, nr, flags);
}

ssize_t process_vm_writev(pid_t pid, const struct iovec *local, unsigned long nl,
                          const struct iovec *remote, unsigned long nr, unsigned long flags) {
  return copy(pid, remote, nr, local, nl, flags);
}
