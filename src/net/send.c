// send/sendto/sendmsg.  An iovec is gathered into one buffer so the whole
// message costs what one send costs (one host call when small and blocking).
// MSG_NOSIGNAL is implied: there are no signals, EPIPE is returned.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

#define SEND_FLAGS (MSG_OOB | MSG_DONTWAIT | MSG_NOSIGNAL | MSG_MORE | MSG_EOR | MSG_DONTROUTE)

static ssize_t send_one(struct __wasip2_sock *s, struct __wasip2_desc *d, const void *buf, size_t len,
                        int flags, const struct sockaddr *to, socklen_t tolen) {
  int nonblock = d->flags & O_NONBLOCK;
  if (s->type == SOCK_STREAM) {
    // Linux ignores the address on a connected stream socket
    if (to && s->state != WASIP2_SK_CONNECTED && s->state != WASIP2_SK_CONNECTING) {
      errno = ENOTCONN;
      return -1;
    }
    return __wasip2_tcp_send(s, nonblock, buf, len, flags);
  }
  return __wasip2_udp_send(s, nonblock, buf, len, flags, to, tolen);
}

ssize_t __wasip2_sock_sendv(struct __wasip2_sock *s, struct __wasip2_desc *d, const struct iovec *iov, int n,
                            int flags, const struct sockaddr *to, socklen_t tolen) {
  size_t total;
  int last, nonempty = __wasip2_iov_scan(iov, n, &total, &last);
  if (nonempty < 0) return -1;
  if (nonempty <= 1)
    return send_one(s, d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0, flags, to, tolen);
  char small[4096];
  char *buf = total <= sizeof small ? small : malloc(total);
  if (!buf) { errno = ENOMEM; return -1; }
  __wasip2_iov_gather(iov, n, buf);
  ssize_t r = send_one(s, d, buf, total, flags, to, tolen);
  if (buf != small) free(buf);
  return r;
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) {
    struct iovec v = {(void *)buf, len};
    struct msghdr m = {.msg_name = (void *)to, .msg_namelen = to ? tolen : 0, .msg_iov = &v, .msg_iovlen = 1};
    if (len && !buf) { errno = EFAULT; return -1; }
    return __wasip2_unix_sendmsg(ud, &m, flags);
  }
  struct __wasip2_desc *d;
  // Linux's order: the socket, the buffer, then the address (any socket type)
  struct __wasip2_sock *s = __wasip2_sock_get(fd, &d);
  if (!s) return -1;
  if (__wasip2_span(buf, &len) < 0) return -1;
  if (to) {
    int e = __wasip2_sockaddr_check(to, tolen);
    if (e) { errno = e; return -1; }
  }
  if (flags & MSG_OOB) { errno = EOPNOTSUPP; return -1; }
  if (flags & ~SEND_FLAGS) { errno = EOPNOTSUPP; return -1; }
  return send_one(s, d, buf, len, flags, to, tolen);
}

ssize_t send(int fd, const void *buf, size_t len, int flags) {
  return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
  struct __wasip2_desc *ud = __wasip2_unix_desc(fd);
  if (ud) return __wasip2_unix_sendmsg(ud, msg, flags);
  struct __wasip2_desc *d;
  struct __wasip2_sock *s = __wasip2_sock_msg(fd, msg, flags, SEND_FLAGS, &d);
  if (!s) return -1;
  // Linux clamps msg_namelen to a sockaddr_storage rather than refusing it
  socklen_t namelen = msg->msg_name ? msg->msg_namelen : 0;
  if (namelen > sizeof(struct sockaddr_storage)) namelen = sizeof(struct sockaddr_storage);
  if (msg->msg_name) {
    int e = __wasip2_sockaddr_check(msg->msg_name, namelen);
    if (e) { errno = e; return -1; }
  }
  return __wasip2_sock_sendv(s, d, msg->msg_iov, msg->msg_iovlen, flags, msg->msg_name, namelen);
}
