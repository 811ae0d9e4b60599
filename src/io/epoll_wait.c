// epoll_wait, epoll_pwait, epoll_pwait2: the POSIX entry points of the
// epoll core (src/io/epoll.c); timeouts in ms or a timespec.
#define _GNU_SOURCE
#include <errno.h>
#include <sys/epoll.h>
#include <time.h>
#include "wasip2_fd.h"

int epoll_pwait(int epfd, struct epoll_event *events, int max, int timeout_ms, const sigset_t *mask) {
  return __wasip2_epoll_wait(epfd, events, max, timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000, mask);
}

int epoll_wait(int epfd, struct epoll_event *events, int max, int timeout_ms) {
  return epoll_pwait(epfd, events, max, timeout_ms, NULL);
}

int epoll_pwait2(int epfd, struct epoll_event *events, int max, const struct timespec *ts, const sigset_t *mask) {
  int64_t ns;
  if (__wasip2_timeout_ts(ts, &ns) < 0) return -1;
  return __wasip2_epoll_wait(epfd, events, max, ns, mask);
}
