// The checks sendmsg and recvmsg share, in Linux's order: the socket, the
// msghdr itself, the flags, then the iovec count.
#include <errno.h>
#include <limits.h>
#include "wasip2_net.h"

struct __wasip2_sock *__wasip2_sock_msg(int fd, const struct msghdr *msg, int flags, int allowed,
                                        struct __wasip2_desc **dp) {
  struct __wasip2_sock *s = __wasip2_sock_get(fd, dp);
  if (!s) return NULL;
  size_t mlen = sizeof *msg;
  if (!msg) { errno = EFAULT; return NULL; }
  if (__wasip2_span(msg, &mlen) < 0) return NULL;
  if (flags & (MSG_OOB | ~allowed)) { errno = EOPNOTSUPP; return NULL; }
  if ((size_t)msg->msg_iovlen > IOV_MAX) { errno = EMSGSIZE; return NULL; } // Linux's answer
  return s;
}
