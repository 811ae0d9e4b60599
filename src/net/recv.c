// recv/recvfrom/recvmsg.  A multi-buffer iovec is read with one host call
// into a bounce buffer and scattered; recvmsg reports MSG_TRUNC for a
// datagram larger than the buffers.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

#define RECV_FLAGS (MSG_OOB | MSG_PEEK | MSG_DONTWAIT | MSG_WAITALL | MSG_TRUNC | MSG_NOSIGNAL)

static ssize_t recv_one(struct __wasip2_sock *s, struct __wasip2_desc *d, void *buf, size_t len, int flags,
                        struct sockaddr *from, socklen_t *fromlen, int *truncated) {
  int nonblock = d->flags & O_NONBLOCK;
  if (s->type == SOCK_STREAM) {
    ssize_t r = __wasip2_tcp_recv(s, nonblock, buf, len, flags & ~MSG_TRUNC);
    // Linux fills no address for a stream socket: the length becomes 0
    // (the peer is getpeername's), and no host call is spent on it
    if (r >= 0 && from && fromlen) *fromlen = 0;
    if (truncated) *truncated = 0;
    return r;
  }
  return __wasip2_udp_recv(s, nonblock, buf, len, flags, from, fromlen, truncated);
}

ssize_t __wasip2_sock_recvv(struct __wasip2_sock *s, struct __wasip2_desc *d, const struct iovec *iov, int n,
                            int flags, struct sockaddr *from, socklen_t *fromlen, int *truncated) {
  size_t total;
  int last, nonempty = __wasip2_iov_scan(iov, n, &total, &last);
  if (nonempty < 0) return -1;
  if (nonempty <= 1)
    return recv_one(s, d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0,
                    flags, from, fromlen, truncated);
  char small[4096];
  char *buf = total <= sizeof small ? small : malloc(total);
  if (!buf) { errno = ENOMEM; return -1; }
  ssize_t r = recv_one(s, d, buf, total, flags, from, fromlen, truncated);
  size_t got = r > 0 ? (size_t)r : 0;
  if ((flags & MSG_TRUNC) && got > total) got = total;
  __wasip2_iov_scatter(iov, n, buf, got);
  if (buf != small) free(buf);
  return r;
}

ssize_t recvfrom(int fd, void *__restrict buf, size_t len, int flags, struct sockaddr *__restrict from,
                 socklen_t *__restrict fromlen) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) {
    struct iovec v = {buf, len};
    struct msghdr m = {.msg_name = from, .msg_namelen = from && fromlen ? *fromlen : 0, .msg_iov = &v, .msg_iovlen = 1};
    if (len && !buf) { errno = EFAULT; return -1; }
    ssize_t r = __wasip2_unix_recvmsg(ud, &m, flags);
    if (r >= 0 && from && fromlen) *fromlen = m.msg_namelen;
    return r;
  }
  struct __wasip2_desc *d;
  struct __wasip2_sock *s = __wasip2_sock_get(fd, &d);
  if (!s) return -1;
  if (__wasip2_span(buf, &len) < 0) return -1;
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (flags & ~RECV_FLAGS) { errno = EOPNOTSUPP; return -1; }
  return recv_one(s, d, buf, len, flags, from, fromlen, NULL);
}

ssize_t recv(int fd, void *buf, size_t len, int flags) {
  return recvfrom(fd, buf, len, flags, NULL, NULL);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_recvmsg(ud, msg, flags);
  struct __wasip2_desc *d;
  struct __wasip2_sock *s = __wasip2_sock_msg(fd, msg, flags, RECV_FLAGS, &d);
  if (!s) return -1;
  int trunc = 0;
  socklen_t namelen = msg->msg_name ? msg->msg_namelen : 0;
  ssize_t r = __wasip2_sock_recvv(s, d, msg->msg_iov, msg->msg_iovlen, flags,
                                  msg->msg_name, msg->msg_name ? &namelen : NULL, &trunc);
  if (r < 0) return r;
  if (msg->msg_name) msg->msg_namelen = namelen;
  msg->msg_controllen = 0;
  msg->msg_flags = trunc ? MSG_TRUNC : 0;
  return r;
}
