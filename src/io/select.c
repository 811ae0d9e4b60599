// pselect and select on top of the poll core.  Interrupted by a signal
// handler they fail with EINTR and leave the sets untouched, as Linux does.
// Arguments as Linux takes them: nfds above the table is clamped (only a
// negative one is EINVAL); select's tv_usec of a second or more carries into
// seconds, and select writes the time not slept back into *tv.  WASI's fd_set is a list of fds
// (Debian's header), not a bitmap: fds beyond nfds are ignored as usual.
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include "wasip2_fd.h"

static int has(const fd_set *s, int fd) {
  if (!s) return 0;
  for (size_t i = 0; i < s->__nfds; i++)
    if (s->__fds[i] == fd) return 1;
  return 0;
}

static int core(int nfds, fd_set *r, fd_set *w, fd_set *e, int64_t ns, const sigset_t *mask) {
  // Linux: EINVAL only when nfds is negative; a larger one is clamped to the
  // fd table (here the sets' lists say which fds matter)
  if (nfds < 0) { errno = EINVAL; return -1; }
  struct pollfd small[64];
  size_t cap = 0;
  const fd_set *sets[3] = {r, w, e};
  for (int k = 0; k < 3; k++) if (sets[k]) cap += sets[k]->__nfds;
  struct pollfd *p = cap <= 64 ? small : malloc(cap * sizeof *p);
  if (!p) { errno = ENOMEM; return -1; }
  size_t n = 0;
  for (int k = 0; k < 3; k++) {
    if (!sets[k]) continue;
    for (size_t i = 0; i < sets[k]->__nfds; i++) {
      int fd = sets[k]->__fds[i];
      if (fd < 0 || fd >= nfds) continue;
      size_t j = 0;
      while (j < n && p[j].fd != fd) j++;
      if (j == n) { p[n].fd = fd; p[n].events = 0; n++; }
      if (k == 0) p[j].events |= POLLIN;
      if (k == 1) p[j].events |= POLLOUT;
    }
  }
  int rc = __wasip2_poll_mask(p, n, ns, mask);
  if (rc < 0) { if (p != small) free(p); return -1; }
  for (size_t j = 0; j < n; j++)
    if (p[j].revents & POLLNVAL) { if (p != small) free(p); errno = EBADF; return -1; }
  fd_set out[3];
  int count = 0;
  for (int k = 0; k < 3; k++) out[k].__nfds = 0;
  for (size_t j = 0; j < n; j++) {
    short re = p[j].revents;
    if (has(r, p[j].fd) && (re & (POLLIN | POLLHUP | POLLERR))) { out[0].__fds[out[0].__nfds++] = p[j].fd; count++; }
    if (has(w, p[j].fd) && (re & (POLLOUT | POLLERR))) { out[1].__fds[out[1].__nfds++] = p[j].fd; count++; }
    if (has(e, p[j].fd) && 0 /* no out-of-band data in WASI */) { out[2].__fds[out[2].__nfds++] = p[j].fd; count++; }
  }
  if (r) { r->__nfds = out[0].__nfds; memcpy(r->__fds, out[0].__fds, out[0].__nfds * sizeof(int)); }
  if (w) { w->__nfds = out[1].__nfds; memcpy(w->__fds, out[1].__fds, out[1].__nfds * sizeof(int)); }
  if (e) { e->__nfds = out[2].__nfds; memcpy(e->__fds, out[2].__fds, out[2].__nfds * sizeof(int)); }
  if (p != small) free(p);
  return count;
}

int pselect(int nfds, fd_set *__restrict r, fd_set *__restrict w, fd_set *__restrict e,
            const struct timespec *__restrict ts, const sigset_t *__restrict mask) {
  int64_t ns;
  if (__wasip2_timeout_ts(ts, &ns) < 0) return -1;
  return core(nfds, r, w, e, ns, mask);
}

int select(int nfds, fd_set *__restrict r, fd_set *__restrict w, fd_set *__restrict e,
           struct timeval *__restrict tv) {
  if (!tv) return core(nfds, r, w, e, -1, NULL);
  if (tv->tv_sec < 0 || tv->tv_usec < 0) { errno = EINVAL; return -1; }
  long long sec = tv->tv_sec + tv->tv_usec / 1000000;
  int64_t ns = sec > 9000000000LL ? INT64_MAX / 2 : sec * 1000000000 + (int64_t)(tv->tv_usec % 1000000) * 1000;
  if (ns == 0) return core(nfds, r, w, e, 0, NULL);
  uint64_t t0 = __wasip2_now_ns();
  int rc = core(nfds, r, w, e, ns, NULL);
  // timed out: nothing left, no clock read needed
  int64_t left = rc == 0 ? 0 : ns - (int64_t)(__wasip2_now_ns() - t0);
  if (left < 0) left = 0;
  tv->tv_sec = left / 1000000000;
  tv->tv_usec = (left % 1000000000) / 1000;
  return rc;
}
