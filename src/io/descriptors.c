// <wasi/descriptors.h>: the WASI handles behind an fd (borrowed), as the
// fd's kind reports them (ops->handles), and the pollable poll() would wait
// on.  Adopting handles made elsewhere: src/net/adopt.c (sockets),
// src/fs/adopt.c (filesystem descriptors).
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/descriptors.h>
#include "wasip2_fd.h"

int wasip2_fd_get_handles(int fd, struct wasip2_fd_handles *h) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!h) { errno = EFAULT; return -1; }
  memset(h, 0, sizeof *h);
  // the kind's table says what it is; kinds without one live in libc only
  h->kind = WASIP2_FD_IN_PROCESS;
  return d->ops->handles ? d->ops->handles(d, h) : 0;
}

int wasip2_fd_pollable(int fd, short events, int32_t *p) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  if (!p) { errno = EFAULT; return -1; }
  if (events != POLLIN && events != POLLOUT) { errno = EINVAL; return -1; }
  *p = 0;
  // only streams and sockets wait on the host; files are always ready and
  // in-process fds have no WASI pollable
  struct wasip2_fd_handles h;
  if (wasip2_fd_get_handles(fd, &h) < 0) return -1;
  if ((h.kind != WASIP2_FD_STDIO && h.kind != WASIP2_FD_TCP && h.kind != WASIP2_FD_UDP) || !d->ops->poll) {
    errno = ENOTSUP;
    return -1;
  }
  // what poll() would wait on: the kind's own cached pollable
  struct __wasip2_poll_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.ents = ctx.small;
  ctx.cap = 16;
  short r = d->ops->poll(d, events, &ctx);
  if (ctx.n) *p = ctx.ents[0].p;
  if (ctx.ents != ctx.small) free(ctx.ents);
  if (*p) return 0;
  if (r) return 1;
  errno = ENOTSUP; // e.g. a stdio stream asked for the other direction
  return -1;
}
