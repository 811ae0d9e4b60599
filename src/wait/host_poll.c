// The one wasi:io/poll.poll call of libc, and the pollables it reuses.
//
// A deadline that has passed (or 0: "just look") adds the cached
// always-ready pollable, so the host answers at once with every other
// ready index: a zero-timeout look costs one call.  A finite deadline adds
// the cached timer, reused while its instant still falls within the new
// deadline.  While background work is pending (a registered work hook:
// lingering TCP closes) the call also wakes after the work's slice and runs
// it, since the host signals nothing when that work could progress.
#include "wasip2_fd.h"

static wasi_io_poll_pollable_t always_ready;
static wasi_io_poll_pollable_t timer;
static int64_t timer_deadline;
static int hooked, closed;

// At exit; waits in later exit hooks (lingering closes) then make their
// pollables per call, so nothing outlives the program.
static void drop_cached(void) {
  if (always_ready) wasi_io_poll_pollable_drop(always_ready);
  if (timer) wasi_io_poll_pollable_drop(timer);
  always_ready = timer = 0;
  closed = 1;
}

static void hook(void) {
  if (!hooked) { hooked = 1; __wasip2_on_exit(drop_cached); }
}

wasi_io_poll_pollable_t __wasip2_always_ready(void) {
  if (closed) return -1;  // a placeholder: host_poll makes its own
  if (!always_ready) {
    hook();
    always_ready = wasi_clocks_monotonic_clock_subscribe_instant(0);
  }
  return always_ready;
}

wasi_io_poll_pollable_t __wasip2_timer(int64_t deadline, int64_t now) {
  if (closed) return -1;  // a placeholder: host_poll makes its own
  if (timer && timer_deadline > now && timer_deadline <= deadline) return timer;
  hook();
  if (timer) wasi_io_poll_pollable_drop(timer);
  timer = wasi_clocks_monotonic_clock_subscribe_instant((uint64_t)deadline);
  timer_deadline = deadline;
  return timer;
}

int __wasip2_host_poll(const wasi_io_poll_pollable_t *ps, int n, unsigned char *fired, int64_t deadline) {
  int64_t slice_ns = __wasip2_wait_hooks.work_slice ? __wasip2_wait_hooks.work_slice() : 0;
  wasi_io_poll_pollable_t extra = 0;
  if (deadline <= 0) {
    extra = __wasip2_always_ready();
  } else if (deadline != WASIP2_NEVER) {
    int64_t now = (int64_t)__wasip2_now_ns();
    extra = now >= deadline ? __wasip2_always_ready() : __wasip2_timer(deadline, now);
  }
  if (n == 1 && !extra && !slice_ns) {
    // The common blocking case: one host call that returns no list.
    wasi_io_poll_pollable_block(ps[0]);
    fired[0] = 1;
    return 1;
  }
  int total = n + (extra ? 1 : 0) + (slice_ns ? 1 : 0);
  wasi_io_poll_pollable_t small[34];
  wasi_io_poll_pollable_t *list = total <= 34 ? small : __wasip2_malloc(total * sizeof *list);
  if (!list) return 0;  // cannot wait: the caller re-checks and comes back
  int k = 0;
  for (int i = 0; i < n; i++) list[k++] = ps[i];
  if (extra) list[k++] = extra;
  wasi_io_poll_pollable_t slice = 0;
  if (slice_ns) list[k++] = slice = wasi_clocks_monotonic_clock_subscribe_duration((uint64_t)slice_ns);
  if (closed && extra) {
    // past the exit hook: this call's own timer (made here, dropped below)
    int64_t now = (int64_t)__wasip2_now_ns();
    list[n] = extra = wasi_clocks_monotonic_clock_subscribe_duration(deadline > now ? (uint64_t)(deadline - now) : 0);
  }
  wasip2_list_wasi_io_poll_pollable_t in = {list, (size_t)total};
  wasip2_list_u32_t out;
  wasi_io_poll_poll(&in, &out);
  int got = 0;
  for (size_t i = 0; i < out.len; i++) {
    uint32_t j = out.ptr[i];
    if (j < (uint32_t)n && !fired[j]) { fired[j] = 1; got++; }
  }
  WASIP2_FREE_LIST(out);
  if (list != small) __wasip2_free(list);
  if (closed && extra) wasi_io_poll_pollable_drop(extra);
  if (slice) {
    wasi_io_poll_pollable_drop(slice);
    __wasip2_wait_hooks.work_run();
  }
  return got;
}
