// ppoll(2): poll with a timespec timeout; the signal mask, if given,
// replaces the caller's for the duration of the call (src/io/poll.c).
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include "wasip2_net.h"

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask) {
  int64_t ns = -1;
  if (ts) {
    if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) { errno = EINVAL; return -1; }
    ns = ts->tv_sec > 9000000000LL ? INT64_MAX / 2 : (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
  }
  return __wasip2_poll_mask(fds, n, ns, mask);
}
