// The signal mask, pending set and the calls that wait for a signal.  What
// can arrive while we wait is the alarm and, on hosts that deliver them,
// signals from outside (src/signal/external.c): waiting means sleeping
// until one of them comes, or forever -- what Linux does for a process
// nobody signals.
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include "wasip2_fd.h"
#include "wasip2_signal.h"

static const uint64_t unblockable = WASIP2_SIGBIT(SIGKILL) | WASIP2_SIGBIT(SIGSTOP);

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old) {
  uint64_t cur = __wasip2_sig_blocked;
  if (set) {
    uint64_t b = __wasip2_sigset_bits(set);
    switch (how) {
    case SIG_BLOCK: cur |= b; break;
    case SIG_UNBLOCK: cur &= ~b; break;
    case SIG_SETMASK: cur = b; break;
    default: errno = EINVAL; return -1;
    }
  }
  if (old) __wasip2_sigset_from_bits(old, __wasip2_sig_blocked);
  if (set) {
    uint64_t changed = __wasip2_sig_blocked ^ (cur & ~unblockable);
    __wasip2_sig_blocked = cur & ~unblockable;
    // a blocked signal from outside must wait for sigwait, not kill us
    for (int sig = 1; changed; sig++, changed >>= 1)
      if (changed & 1) __wasip2_sigext_want(sig);
    // POSIX: an unblocked pending signal is delivered before we return.
    __wasip2_sig_flush(NULL);
  }
  return 0;
}

int pthread_sigmask(int how, const sigset_t *restrict set, sigset_t *restrict old) {
  return sigprocmask(how, set, old) ? errno : 0;
}

int sigpending(sigset_t *set) {
  __wasip2_sigset_from_bits(set, __wasip2_sig_pending);
  return 0;
}

int sigsuspend(const sigset_t *mask) {
  uint64_t saved = __wasip2_sig_blocked;
  __wasip2_sig_blocked = __wasip2_sigset_bits(mask) & ~unblockable;
  unsigned before = __wasip2_sig_handled;
  __wasip2_sig_flush(NULL);
  // The alarm may be delivered inside the wait (at generation time), so
  // "a handler ran" is the condition, not what flush returns.
  while (__wasip2_sig_handled == before) __wasip2_sig_wait_alarm();
  __wasip2_sig_blocked = saved;
  // Handlers that ran may have left more pending under the old mask.
  __wasip2_sig_flush(NULL);
  errno = EINTR;
  return -1;
}

int pause(void) {
  sigset_t cur;
  __wasip2_sigset_from_bits(&cur, __wasip2_sig_blocked);
  return sigsuspend(&cur);
}

static int take(uint64_t want, siginfo_t *si) {
  uint64_t hit = __wasip2_sig_pending & want;
  if (!hit) return 0;
  int sig = __builtin_ctzll(hit) + 1;
  __wasip2_sig_pending &= ~WASIP2_SIGBIT(sig);
  if (si) {
    memset(si, 0, sizeof *si);
    si->si_signo = sig;
    si->si_code = SI_USER;
    si->si_pid = getpid();
  }
  return sig;
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict si,
                 const struct timespec *restrict timeout) {
  uint64_t want = __wasip2_sigset_bits(set);
  uint64_t end = 0;
  if (timeout) {
    if (timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000 || timeout->tv_sec < 0) {
      errno = EINVAL;
      return -1;
    }
    end = __wasip2_now_ns() + (uint64_t)timeout->tv_sec * 1000000000u + (uint64_t)timeout->tv_nsec;
  }
  for (;;) {
    // An expired alarm becomes pending (SIGALRM blocked, as sigwait
    // callers do) or is delivered normally, as on Linux.
    __wasip2_signal_safepoint();
    int sig = take(want, si);
    if (sig) return sig;
    uint64_t alarm_at = __wasip2_signal_deadline();
    if (!timeout || (alarm_at && alarm_at <= end)) {
      __wasip2_sig_wait_alarm();
      continue;
    }
    if (__wasip2_now_ns() >= end) {
      errno = EAGAIN;
      return -1;
    }
    // a signal from outside (even a blocked one) ends the sleep: look again
    __wasip2_sleep_until((int64_t)end, WASIP2_WAIT_EINTR | WASIP2_WAIT_SIGNAL);
  }
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict si) {
  return sigtimedwait(set, si, NULL);
}

int sigwait(const sigset_t *restrict set, int *restrict sig) {
  int r = sigwaitinfo(set, NULL);
  if (r < 0) return errno;
  *sig = r;
  return 0;
}
