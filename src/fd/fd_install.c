// New descriptions and new fds: __wasip2_desc_new, __wasip2_fd_install
// (lowest free fd) and __wasip2_fd_dup2, and the growth of the table past
// its static first slots.  Everything that makes an fd other than the stdio
// streams comes through here, so this is where the table's allocator is
// linked (src/fd/fd_table.c has none).
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_fd.h"

static struct __wasip2_fd_slot *heap_slots; // NULL while the static array serves

static int grow(int need) {
  if (need <= __wasip2_fd_nslots) return 0;
  if (need > WASIP2_FD_MAX) { errno = EMFILE; return -1; }
  int n = __wasip2_fd_nslots;
  while (n < need) n *= 2;
  struct __wasip2_fd_slot *s = __wasip2_realloc(heap_slots, n * sizeof *s);
  if (!s) { errno = ENOMEM; return -1; }
  if (!heap_slots) memcpy(s, __wasip2_fd_slots, __wasip2_fd_nslots * sizeof *s);
  memset(s + __wasip2_fd_nslots, 0, (n - __wasip2_fd_nslots) * sizeof *s);
  heap_slots = __wasip2_fd_slots = s;
  __wasip2_fd_nslots = n;
  return 0;
}

struct __wasip2_desc *__wasip2_desc_new(int kind, const struct __wasip2_ops *ops, int flags, void *impl) {
  struct __wasip2_desc *d = __wasip2_calloc(1, sizeof *d);
  if (!d) { errno = ENOMEM; return NULL; }
  d->kind = kind;
  d->ops = ops;
  d->flags = flags;
  d->impl = impl;
  d->on_heap = 1;
  return d;
}

void __wasip2_desc_free(struct __wasip2_desc *d) { __wasip2_free(d); }

int __wasip2_fd_install(struct __wasip2_desc *d, int minfd) {
  // F_DUPFD: a minimum outside [0, limit) is EINVAL (POSIX), not EMFILE
  if (minfd < 0 || minfd >= __wasip2_fd_nofile) { errno = EINVAL; return -1; }
  for (int fd = minfd;; fd++) {
    if (fd >= __wasip2_fd_nofile) { errno = EMFILE; return -1; }
    // a never-used stdio slot is still reserved for its stream
    if (fd <= 2) __wasip2_fd_bind_stdio(fd);
    if (fd >= __wasip2_fd_nslots && grow(fd + 1) < 0) return -1;
    if (!__wasip2_fd_slots[fd].desc) {
      if (__wasip2_p1_claim && __wasip2_p1_claim(fd, 0) < 0) continue; // the adapter's number
      __wasip2_fd_slots[fd].desc = d;
      __wasip2_fd_slots[fd].fdflags = 0;
      d->refs++;
      return fd;
    }
  }
}

int __wasip2_fd_dup2(int oldfd, int newfd) {
  struct __wasip2_desc *d = __wasip2_fd_get(oldfd);
  if (!d) return -1;
  if (newfd < 0 || newfd >= __wasip2_fd_nofile) { errno = EBADF; return -1; }
  if (oldfd == newfd) return newfd;
  __wasip2_fd_forget_stdio(newfd); // explicitly replaced: never bind lazily
  if (grow(newfd + 1) < 0) return -1;
  if (__wasip2_p1_claim) __wasip2_p1_claim(newfd, 1);
  struct __wasip2_desc *old = __wasip2_fd_slots[newfd].desc;
  d->refs++;
  __wasip2_fd_slots[newfd].desc = d;
  __wasip2_fd_slots[newfd].fdflags = 0;
  if (old) __wasip2_desc_release(old);
  return newfd;
}
