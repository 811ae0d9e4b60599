// The descriptor table: lookups, per-fd flags and closing.  fds index an
// array of slots (static at first: src/fd/fd_install.c grows it when a
// program makes more fds); each slot points at a refcounted open
// description.  fds 0-2 are bound lazily on first use to what the
// __wasip2_fd_initial hook gives (the stdio streams' descriptions, which
// fetch their streams only when first read, written or polled), so a
// program that never touches stdin never asks the host for it.  Nothing
// here allocates: a program that only prints links no allocator for its fds.
#include <errno.h>
#include "wasip2_fd.h"

#define INITIAL_SLOTS 16

static struct __wasip2_fd_slot initial[INITIAL_SLOTS];
struct __wasip2_fd_slot *__wasip2_fd_slots = initial;
int __wasip2_fd_nslots = INITIAL_SLOTS;
static int stdio_done[3];

// RLIMIT_NOFILE's soft limit (setrlimit in src/proc/rlimit.c moves it): no
// fd at or above it is handed out, as on Linux (default 1024 there too).
int __wasip2_fd_nofile = 1024;

void __wasip2_fd_bind_stdio(int fd) {
  if (fd < 0 || fd > 2 || stdio_done[fd]) return;
  stdio_done[fd] = 1;
  if (__wasip2_fd_slots[fd].desc) return;
  struct __wasip2_desc *d = __wasip2_fd_initial(fd);
  if (d) { d->refs++; __wasip2_fd_slots[fd].desc = d; }
}

void __wasip2_fd_forget_stdio(int fd) {
  if (fd >= 0 && fd <= 2) stdio_done[fd] = 1;
}

struct __wasip2_desc *__wasip2_fd_get(int fd) {
  if (fd >= 0 && fd <= 2 && !stdio_done[fd]) __wasip2_fd_bind_stdio(fd);
  if (fd < 0 || fd >= __wasip2_fd_nslots || !__wasip2_fd_slots[fd].desc) { errno = EBADF; return NULL; }
  return __wasip2_fd_slots[fd].desc;
}

int __wasip2_fd_getfdflags(int fd) {
  if (!__wasip2_fd_get(fd)) return -1;
  return __wasip2_fd_slots[fd].fdflags;
}

int __wasip2_fd_setfdflags(int fd, int fdflags) {
  if (!__wasip2_fd_get(fd)) return -1;
  __wasip2_fd_slots[fd].fdflags = fdflags;
  return 0;
}

#define MAX_RELEASE_HOOKS 4
static void (*release_hooks[MAX_RELEASE_HOOKS])(struct __wasip2_desc *);

int __wasip2_fd_on_release(void (*fn)(struct __wasip2_desc *)) {
  for (int i = 0; i < MAX_RELEASE_HOOKS; i++) {
    if (release_hooks[i] == fn) return 0;
    if (!release_hooks[i]) { release_hooks[i] = fn; return 0; }
  }
  return -1;
}

int __wasip2_desc_release(struct __wasip2_desc *d) {
  if (--d->refs > 0) return 0;
  for (int i = 0; i < MAX_RELEASE_HOOKS && release_hooks[i]; i++) release_hooks[i](d);
  int r = d->ops && d->ops->close ? d->ops->close(d) : 0;
  if (d->on_heap && __wasip2_desc_free) __wasip2_desc_free(d);
  return r;
}

int __wasip2_fd_close(int fd) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return -1;
  __wasip2_fd_slots[fd].desc = NULL;
  if (__wasip2_p1_release) __wasip2_p1_release(fd);
  return __wasip2_desc_release(d);
}

int __wasip2_fd_limit(void) { return __wasip2_fd_nslots; }

void __wasip2_fd_close_all(void) {
  for (int i = 0; i < 3; i++) stdio_done[i] = 1;
  for (int fd = 0; fd < __wasip2_fd_nslots; fd++)
    if (__wasip2_fd_slots[fd].desc) {
      struct __wasip2_desc *d = __wasip2_fd_slots[fd].desc;
      __wasip2_fd_slots[fd].desc = NULL;
      __wasip2_desc_release(d);
    }
}

int __wasip2_fd_room(void) {
  for (int fd = 0; fd < __wasip2_fd_nofile; fd++)
    if (fd >= __wasip2_fd_nslots || (!__wasip2_fd_slots[fd].desc && (fd > 2 || stdio_done[fd]))) return 1;
  errno = EMFILE;
  return 0;
}
