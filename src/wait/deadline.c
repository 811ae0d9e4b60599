// Deadlines: the one place a timeout becomes an instant and time left.
// The instant is fixed at the first look, so a call served at once never
// reads the clock (a host call).
#include <errno.h>
#include <time.h>
#include "wasip2_fd.h"

int64_t __wasip2_deadline_at(struct __wasip2_deadline *d) {
  if (d->timeout < 0) return WASIP2_NEVER;
  if (d->timeout == 0) return 0;
  if (d->at < 0) {
    int64_t now = (int64_t)__wasip2_now_ns();
    d->at = d->timeout > WASIP2_NEVER - now ? WASIP2_NEVER - 1 : now + d->timeout;
  }
  return d->at;
}

int64_t __wasip2_deadline_left(struct __wasip2_deadline *d) {
  if (d->timeout <= 0) return d->timeout < 0 ? -1 : 0;
  int64_t fixed = d->at >= 0;
  int64_t at = __wasip2_deadline_at(d);
  if (!fixed) return d->timeout;  // just fixed: all of it is left
  int64_t left = at - (int64_t)__wasip2_now_ns();
  return left < 0 ? 0 : left;
}

int __wasip2_timeout_ts(const struct timespec *ts, int64_t *ns) {
  if (!ts) { *ns = -1; return 0; }
  if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) { errno = EINVAL; return -1; }
  // beyond ~146 years the wait is as good as forever; keep it finite
  *ns = ts->tv_sec > 9000000000LL ? INT64_MAX / 2 : (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
  return 0;
}
