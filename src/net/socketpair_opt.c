// socketpair ends (src/net/socketpair.c): shutdown, socket options
// (timeouts kept here, the rest read-only as Linux's af_unix reports them),
// names, fstat and FIONREAD.
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include "wasip2_net.h"

int __wasip2_unix_shutdown(struct __wasip2_desc *d, int how) {
  struct __wasip2_unix_end *e = d->impl;
  struct __wasip2_unix_pair *p = e->p;
  if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR) { errno = EINVAL; return -1; }
  int m = how == SHUT_RD ? WASIP2_SHUT_R : how == SHUT_WR ? WASIP2_SHUT_W : WASIP2_SHUT_R | WASIP2_SHUT_W;
  p->shut[e->me] |= m;
  if (p->type == SOCK_STREAM && p->open[!e->me])
    p->shut[!e->me] |= (m & WASIP2_SHUT_R ? WASIP2_SHUT_W : 0) | (m & WASIP2_SHUT_W ? WASIP2_SHUT_R : 0);
  __wasip2_inproc_wake(p);
  return 0;
}

static int put_int(void *val, socklen_t *len, int v) {
  if (!val || !len) return EFAULT;
  socklen_t n = *len < (socklen_t)sizeof v ? *len : (socklen_t)sizeof v;
  memcpy(val, &v, n);
  *len = n;
  return 0;
}

int __wasip2_unix_sockopt(struct __wasip2_desc *d, int set, int level, int name, void *val, socklen_t *len) {
  struct __wasip2_unix_end *e = d->impl;
  int err = ENOPROTOOPT;
  if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
    int64_t *t = name == SO_RCVTIMEO ? &e->rcvtimeo_ns : &e->sndtimeo_ns;
    struct timeval tv;
    if (!val || !len) { errno = EFAULT; return -1; }
    if (set) {
      if (*len < (socklen_t)sizeof tv) { errno = EINVAL; return -1; }
      memcpy(&tv, val, sizeof tv);
      if (tv.tv_usec < 0 || tv.tv_usec >= 1000000) { errno = EDOM; return -1; }
      // Linux: a negative tv_sec is a zero timeout (1 ns here: 0 means none)
      *t = tv.tv_sec < 0 ? 1 : (int64_t)tv.tv_sec * 1000000000 + (int64_t)tv.tv_usec * 1000;
      return 0;
    }
    tv.tv_sec = *t / 1000000000;
    tv.tv_usec = (*t % 1000000000) / 1000;
    socklen_t n = *len < (socklen_t)sizeof tv ? *len : (socklen_t)sizeof tv;
    memcpy(val, &tv, n);
    *len = n;
    return 0;
  }
  if (level == SOL_SOCKET && !set) {
    int v;
    switch (name) {
    case SO_TYPE: v = e->p->type; break;
    case SO_DOMAIN: v = AF_UNIX; break;
    case SO_PROTOCOL: v = 0; break;
    case SO_ACCEPTCONN: v = 0; break;
    case SO_SNDBUF: case SO_RCVBUF: v = WASIP2_UNIX_CAP; break;
    case SO_ERROR: v = e->p->err[e->me]; e->p->err[e->me] = 0; break;
    default: errno = ENOPROTOOPT; return -1;
    }
    if ((err = put_int(val, len, v))) { errno = err; return -1; }
    return 0;
  }
  errno = err;
  return -1;
}

int __wasip2_unix_name(struct __wasip2_desc *d, int peer, struct sockaddr *sa, socklen_t *len) {
  (void)d; (void)peer;
  if (!sa || !len) { errno = EFAULT; return -1; }
  // both ends are unnamed: just the family, as Linux reports them
  struct sockaddr_un u;
  memset(&u, 0, sizeof u);
  u.sun_family = AF_UNIX;
  socklen_t n = sizeof u.sun_family;
  memcpy(sa, &u, *len < n ? *len : n);
  *len = n;
  return 0;
}

int __wasip2_unix_fstat(struct __wasip2_desc *d, struct stat *st) {
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFSOCK | 0777;
  st->st_nlink = 1;
  st->st_ino = (ino_t)(uintptr_t)d->impl;
  st->st_blksize = 4096;
  return 0;
}

int __wasip2_unix_ioctl(struct __wasip2_desc *d, int req, void *arg) {
  struct __wasip2_unix_end *e = d->impl;
  if (req != FIONREAD) { errno = ENOTTY; return -1; }
  if (!arg) { errno = EFAULT; return -1; }
  struct __wasip2_unix_queue *q = &e->p->q[e->me];
  // Linux: the bytes queued on a stream, the next datagram's size
  size_t n = e->p->type == SOCK_STREAM ? q->bytes : (q->head ? q->head->len : 0);
  *(int *)arg = (int)n;
  return 0;
}
