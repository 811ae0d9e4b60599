// p1-adapter mode: a program whose own objects call wasi_snapshot_preview1 functions is linked
// with -Wl,--wasi-p1-adapter, which composes jco's preview1 adapter into the component.  The
// adapter keeps its own descriptor table (0-2 stdio, 3.. its preopens, then whatever the
// preview1 code opens), so without coordination a preview1 call on one of OUR descriptor
// numbers would reach whatever the adapter keeps under that number (or succeed on a file we
// never opened through it).  This file keeps the two number spaces disjoint:
//   - every fd our table binds (files, sockets, dup'd descriptors) is reserved in the adapter
//     as a "bad" descriptor (adapter_open_badfd), so preview1 calls on it fail with EBADF;
//     closing it frees the reservation (adapter_close_badfd);
//   - numbers the adapter already uses for its own descriptors (its preopens, files the
//     preview1 code opened) are skipped when we pick the lowest free fd, except by dup2,
//     which closes them in the adapter first, as dup2 closes its target;
//   - 0, 1, 2 are shared: both tables mean the same stdio streams.  Closing or dup2-ing over
//     one of them on our side closes it on the adapter's side too (one process, one table).
// Linked only in that mode: the fd table calls these through weak references (declared in
// wasip2_fd.h), and the linker pulls this object in with -u __wasip2_p1_claim.  The calls
// below go to the adapter, a core module inside the same component: no host call.  Their declarations are generated with the
// WIT bindings (tools/witgen), like every other import.
#include <stdint.h>
#include "wasip2_fd.h"
#include "wasip2_p1_adapter.h"

// The adapter's table holds 128 descriptors (MAX_DESCRIPTORS in its source); any larger
// number is EBADF there already and needs no reservation.
#define ADAPTER_MAX 128
#define P1_ERRNO_BADF 8

static unsigned char reserved[ADAPTER_MAX]; // we hold a bad descriptor at this number
static unsigned char shared_gone[3];        // stdio slot closed on the adapter side

// Reserve number fd in the adapter.  The adapter hands out the head of its free list (most
// recently closed first) or grows its table by one, so we take descriptors until fd comes up,
// then give back the others.  fd is known to be free there, so it comes up within 128 takes.
static int take(int fd) {
  int32_t held[ADAPTER_MAX];
  int n = 0, ok = 0;
  while (n < ADAPTER_MAX) {
    int32_t got;
    if (__wasip2_p1_open_badfd(&got) != 0) break; // table full
    if (got == fd) { ok = 1; break; }
    held[n++] = got;
  }
  while (n > 0) __wasip2_p1_close_badfd(held[--n]);
  if (ok) reserved[fd] = 1;
  return ok ? 0 : -1;
}

// Called by the fd table before it binds fd to one of our descriptions.  Returns -1 when the
// adapter owns fd and force is 0 (the caller tries the next number).
int __wasip2_p1_claim(int fd, int force) {
  if (fd < 0 || fd >= ADAPTER_MAX || reserved[fd]) return 0;
  if (fd <= 2 && !shared_gone[fd]) {
    if (!force) return 0; // the first binding of our stdio: the same stream as the adapter's
    __wasip2_p1_fd_close(fd);
    shared_gone[fd] = 1;
  } else {
    uint8_t st[24]; // fdstat; only its success matters
    if (__wasip2_p1_fdstat_get(fd, st) != P1_ERRNO_BADF) {
      // a live adapter descriptor: its preopen or a file preview1 code opened
      if (!force) return -1;
      __wasip2_p1_fd_close(fd);
    }
  }
  // Failure to reserve (adapter table full) leaves fd unreserved; nothing better to do, and
  // the adapter has then no free number that could alias ours.
  take(fd);
  return 0;
}

// Called by the fd table after fd stopped referring to any of our descriptions.
void __wasip2_p1_release(int fd) {
  if (fd < 0 || fd >= ADAPTER_MAX) return;
  if (reserved[fd]) {
    __wasip2_p1_close_badfd(fd);
    reserved[fd] = 0;
  } else if (fd <= 2 && !shared_gone[fd]) {
    __wasip2_p1_fd_close(fd);
    shared_gone[fd] = 1;
  }
}
