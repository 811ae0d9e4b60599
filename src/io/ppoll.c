// ppoll(2): poll with a timespec timeout; the signal mask, if given,
// replaces the caller's for the duration of the call.  Also the masked
// wait of pselect and epoll_pwait.
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include "wasip2_fd.h"
#include "wasip2_signal.h"

// The signal state is referenced weakly: without the signal code linked no
// handler can exist, and the mask changes nothing.
#pragma weak __wasip2_sig_blocked
#pragma weak __wasip2_sig_handled
#pragma weak __wasip2_sigset_bits
#pragma weak __wasip2_sig_flush

// `mask` replaces the signal mask for the call only, so a signal blocked
// elsewhere can interrupt just this wait (the race-free idiom).  One
// already pending that the mask unblocks is delivered at once and the call
// fails with EINTR.
int __wasip2_poll_descs_mask(struct pollfd *fds, struct __wasip2_desc **descs, unsigned long n, int64_t timeout_ns,
                             const sigset_t *mask) {
  if (!mask || !&__wasip2_sig_blocked || !__wasip2_sigset_bits || !__wasip2_sig_flush)
    return __wasip2_poll_descs(fds, descs, n, timeout_ns);
  uint64_t saved = __wasip2_sig_blocked;
  uint64_t unblockable = WASIP2_SIGBIT(SIGKILL) | WASIP2_SIGBIT(SIGSTOP);
  __wasip2_sig_blocked = __wasip2_sigset_bits(mask) & ~unblockable;
  unsigned before = __wasip2_sig_handled;
  __wasip2_sig_flush(NULL);
  int r;
  if (__wasip2_sig_handled != before) {
    errno = EINTR;
    r = -1;
  } else {
    r = __wasip2_poll_descs(fds, descs, n, timeout_ns);
  }
  int saved_errno = errno;
  __wasip2_sig_blocked = saved;
  // what the restored mask unblocks is delivered on the way out, as on Linux
  __wasip2_sig_flush(NULL);
  errno = saved_errno;
  return r;
}

int __wasip2_poll_mask(struct pollfd *fds, unsigned long n, int64_t timeout_ns, const sigset_t *mask) {
  return __wasip2_poll_descs_mask(fds, NULL, n, timeout_ns, mask);
}

int ppoll(struct pollfd *fds, nfds_t n, const struct timespec *ts, const sigset_t *mask) {
  int64_t ns;
  if (__wasip2_timeout_ts(ts, &ns) < 0) return -1;
  return __wasip2_poll_mask(fds, n, ns, mask);
}
