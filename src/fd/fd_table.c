// The descriptor table.  fds index a growable array of slots; each slot
// points at a refcounted open description.  fds 0-2 are bound lazily to
// the stdio streams on first use, so a program that never touches stdin
// never asks the host for it.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_fd.h"

struct slot {
  struct __wasip2_desc *desc;
  int fdflags;
};

static struct slot *slots;
static int nslots;
static int stdio_done[3];

#define FD_MAX 65536

struct __wasip2_desc *__wasip2_stdio_open(int fd); // src/io/stdio.c

// p1-adapter mode (src/fd/p1_adapter.c, linked only with -Wl,--wasi-p1-adapter)
// keeps the preview1 adapter's descriptor numbers and ours disjoint.  Weak:
// absent, and free, otherwise.
int __wasip2_p1_claim(int fd, int force) __attribute__((weak));
void __wasip2_p1_release(int fd) __attribute__((weak));

static int grow(int need) {
  if (need <= nslots) return 0;
  if (need > FD_MAX) { errno = EMFILE; return -1; }
  int n = nslots ? nslots : 16;
  while (n < need) n *= 2;
  struct slot *s = realloc(slots, n * sizeof *s);
  if (!s) { errno = ENOMEM; return -1; }
  memset(s + nslots, 0, (n - nslots) * sizeof *s);
  slots = s;
  nslots = n;
  return 0;
}

static void bind_stdio(int fd) {
  if (fd < 0 || fd > 2 || stdio_done[fd]) return;
  stdio_done[fd] = 1;
  if (grow(3) < 0) return;
  if (slots[fd].desc) return;
  struct __wasip2_desc *d = __wasip2_stdio_open(fd);
  if (d) { d->refs++; slots[fd].desc = d; }
}

struct __wasip2_desc *__wasip2_desc_new(int kind, const struct __wasip2_ops *ops, int flags, void *impl) {
  struct __wasip2_desc *d = calloc(1, sizeof *d);
  if (!d) { errno = ENOMEM; return NULL; }
  d->kind = kind;
  d->ops = ops;
  d->flags = flags;
  d->impl = impl;
  return d;
}

int __wasip2_fd_install(struct __wasip2_desc *d, int minfd) {
  // F_DUPFD: a minimum outside [0, limit) is EINVAL (POSIX), not EMFILE
  if (minfd < 0 || minfd >= FD_MAX) { errno = EINVAL; return -1; }
  for (int fd = minfd;; fd++) {
    // a never-used stdio slot is still reserved for its stream
    if (fd <= 2 && !stdio_done[fd]) bind_stdio(fd);
    if (fd >= nslots && grow(fd + 1) < 0) return -1;
    if (!slots[fd].desc) {
      if (__wasip2_p1_claim && __wasip2_p1_claim(fd, 0) < 0) continue; // the adapter's number
      slots[fd].desc = d;
      slots[fd].fdflags = 0;
      d->refs++;
      return fd;
    }
  }
}

struct __wasip2_desc *__wasip2_fd_get(int fd) {
  if (fd >= 0 && fd <= 2 && !stdio_done[fd]) bind_stdio(fd);
  if (fd < 0 || fd >= nslots || !slots[fd].desc) { errno = EBADF; return NULL; }
  return slots[fd].desc;
}

int __wasip2_fd_getfdflags(int fd) {
  if (!__wasip2_fd_get(fd)) return -1;
  return slots[fd].fdflags;
}

int __wasip2_fd_setfdflags(int fd, int fdflags) {
  if (!__wasip2_fd_get(fd)) return -1;
  slots[fd].fdflags = fdflags;
  return 0;
}

// epoll (src/io/epoll.c): a description leaves the interest lists that
// hold it when its last fd closes.  Weak: absent without epoll.
void __wasip2_epoll_forget(struct __wasip2_desc *d) __attribute__((weak));

static int release(struct __wasip2_desc *d) {
  if (--d->refs > 0) return 0;
  if (d->epolls && __wasip2_epoll_forget) __wasip2_epoll_forget(d);
  int r = d->ops && d->ops->close ? d->ops->close(d) : 0;
  free(d);
  return r;
}

int __wasip2_fd_close(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  slots[fd].desc = NULL;
  if (__wasip2_p1_release) __wasip2_p1_release(fd);
  return release(d);
}

int __wasip2_fd_dup2(int oldfd, int newfd) {
  struct __wasip2_desc *d = __wasip2_fd_get(oldfd);
  if (!d) return -1;
  if (newfd < 0 || newfd >= FD_MAX) { errno = EBADF; return -1; }
  if (oldfd == newfd) return newfd;
  if (newfd <= 2) stdio_done[newfd] = 1; // explicitly replaced: never bind lazily
  if (grow(newfd + 1) < 0) return -1;
  if (__wasip2_p1_claim) __wasip2_p1_claim(newfd, 1);
  struct __wasip2_desc *old = slots[newfd].desc;
  d->refs++;
  slots[newfd].desc = d;
  slots[newfd].fdflags = 0;
  if (old) release(old);
  return newfd;
}

int __wasip2_fd_limit(void) { return nslots; }

void __wasip2_fd_close_all(void) {
  for (int i = 0; i < 3; i++) stdio_done[i] = 1;
  for (int fd = 0; fd < nslots; fd++)
    if (slots[fd].desc) {
      struct __wasip2_desc *d = slots[fd].desc;
      slots[fd].desc = NULL;
      release(d);
    }
}
