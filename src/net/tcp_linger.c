// Lingering TCP closes: a closed connection whose last bytes are still in
// the host's buffer is kept until they are out (or a bound is hit), while
// the program goes on.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

// Linux's close() returns at once and the kernel sends what is queued in
// the background.  On this host, bytes a plain write() queued may still sit
// in the host's own buffer (Node's stream buffer, up to its high-water
// mark) while the kernel's is full.  Dropping the output stream
// (stream.end()) would still send them, then FIN, but dropping the socket
// (socket.destroy()) discards them, and the host offers no way to wait for
// them that does not block: its output-stream.flush waits for the write
// like blocking-flush (host bug, docs/compatibility.md, Networking).  So close() asks
// check-write, which does not block: the whole buffer size (the largest
// check-write this stream ever returned: the first one always saw it
// empty) means nothing is left and everything is dropped now.  Otherwise
// the output stream and the socket go on a linger list, re-checked the
// same way while the program waits anywhere (the wait core's host poll
// wakes every LINGER_SLICE_NS for it while the list is not empty: the work
// hook registered here), at each later TCP
// close, and at exit, where we give them up to LINGER_EXIT_NS in all (the
// host's buffer dies with the program, unlike a kernel's) and then drop
// them regardless: a peer that never reads hangs neither close() nor exit.
// The list is bounded as Linux bounds orphaned sockets: an entry whose
// bytes are not out after LINGER_MAX_NS is dropped (the kernel's orphan
// timeouts are of that order), and with LINGER_MAX entries the oldest goes
// to make room, so a server closing on peers that never read keeps a fixed
// amount of host state, not one socket per connection ever closed.
#define LINGER_EXIT_NS (2000LL * 1000000)
#define LINGER_MAX_NS (60LL * 1000000000)
#define LINGER_MAX 256
#define LINGER_SLICE_NS (20 * 1000000)

struct linger_ent {
  wasi_io_streams_output_stream_t out;
  wasi_sockets_tcp_tcp_socket_t h;
  uint64_t wmax;
  uint64_t until;  // monotonic ns after which it is dropped regardless
};
static struct linger_ent *lingering;
int __wasip2_linger_n;
static int cap_linger, linger_hooked;

static void linger_drop(int i) {
  struct linger_ent *e = &lingering[i];
  wasi_io_streams_output_stream_drop(e->out);  // end(): FIN after the data
  wasi_sockets_tcp_tcp_socket_drop(e->h);
  // keep the order (oldest first): the cap drops entry 0
  memmove(e, e + 1, (--__wasip2_linger_n - i) * sizeof *e);
}

int __wasip2_tcp_drained(wasi_io_streams_output_stream_t out, uint64_t wmax) {
  uint64_t n;
  wasi_io_streams_stream_error_t e;
  if (!wasi_io_streams_output_stream_check_write(out, &n, &e)) {
    __wasip2_stream_errno(&e, EPIPE);
    return 1;
  }
  return n >= wmax;
}

void __wasip2_linger_reap(void) {
  uint64_t now = __wasip2_now_ns();
  for (int i = __wasip2_linger_n - 1; i >= 0; i--)
    if (now >= lingering[i].until || __wasip2_tcp_drained(lingering[i].out, lingering[i].wmax)) linger_drop(i);
}

static void linger_at_exit(void) {
  int64_t end = (int64_t)__wasip2_now_ns() + LINGER_EXIT_NS;
  for (;;) {
    __wasip2_linger_reap();
    if (!__wasip2_linger_n || (int64_t)__wasip2_now_ns() >= end) break;
    __wasip2_host_poll(0, 0, 0, (int64_t)__wasip2_now_ns() + LINGER_SLICE_NS);  // reaps again after
  }
  while (__wasip2_linger_n) linger_drop(__wasip2_linger_n - 1);
  free(lingering);
  lingering = NULL;
  cap_linger = 0;
}

// The wait core's work hook: a look every slice while any linger.
static int64_t linger_slice(void) {
  return __wasip2_linger_n ? LINGER_SLICE_NS : 0;
}

int __wasip2_linger_add(struct __wasip2_sock *s) {
  if (__wasip2_linger_n == LINGER_MAX) linger_drop(0);
  if (__wasip2_linger_n == cap_linger) {
    int cap = cap_linger ? cap_linger * 2 : 8;
    struct linger_ent *l = realloc(lingering, cap * sizeof *l);
    if (!l) return 0; // drop now: the queued bytes may be lost, close still returns
    lingering = l;
    cap_linger = cap;
  }
  if (!linger_hooked) {
    linger_hooked = 1;
    __wasip2_on_exit(linger_at_exit);
    __wasip2_wait_hooks.work_slice = linger_slice;
    __wasip2_wait_hooks.work_run = __wasip2_linger_reap;
  }
  lingering[__wasip2_linger_n].out = s->out;
  lingering[__wasip2_linger_n].h = s->h;
  lingering[__wasip2_linger_n].wmax = s->wmax;
  lingering[__wasip2_linger_n].until = __wasip2_now_ns() + LINGER_MAX_NS;
  __wasip2_linger_n++;
  s->out = 0;
  s->h = 0;
  return 1;
}

