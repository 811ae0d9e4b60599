// The System V / XSI signal calls, expressed through sigaction/sigprocmask.
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "wasip2_signal.h"

static int mask_one(int how, int sig) {
  sigset_t s;
  sigemptyset(&s);
  if (sigaddset(&s, sig) < 0) return -1;
  return sigprocmask(how, &s, NULL);
}

int sighold(int sig) { return mask_one(SIG_BLOCK, sig); }
int sigrelse(int sig) { return mask_one(SIG_UNBLOCK, sig); }

int sigignore(int sig) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  return sigaction(sig, &sa, NULL);
}

int sigpause(int sig) {
  sigset_t s;
  __wasip2_sigset_from_bits(&s, __wasip2_sig_blocked);
  if (sigdelset(&s, sig) < 0) return -1;
  return sigsuspend(&s);
}

int siginterrupt(int sig, int flag) {
  struct sigaction sa;
  if (sigaction(sig, NULL, &sa) < 0) return -1;
  if (flag)
    sa.sa_flags &= ~SA_RESTART;
  else
    sa.sa_flags |= SA_RESTART;
  return sigaction(sig, &sa, NULL);
}

void (*sigset(int sig, void (*fn)(int)))(int) {
  struct sigaction sa, old;
  sigset_t was;
  if (sigprocmask(SIG_BLOCK, NULL, &was) < 0) return SIG_ERR;
  int held = sigismember(&was, sig) == 1;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  if (sigaction(sig, &sa, &old) < 0) return SIG_ERR;
  if (mask_one(SIG_UNBLOCK, sig) < 0) return SIG_ERR;
  // SIG_HOLD is not offered, so a held signal reports its old handler.
  (void)held;
  return old.sa_handler;
}

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old) {
  // Handlers always run on the normal stack (delivery is synchronous), so
  // the alternate stack is recorded and reported but never switched to.
  static stack_t cur = {0, SS_DISABLE, 0};
  if (ss && !(ss->ss_flags & SS_DISABLE) && ss->ss_size < MINSIGSTKSZ) {
    errno = ENOMEM;
    return -1;
  }
  if (ss && (ss->ss_flags & ~SS_DISABLE)) {
    errno = EINVAL;
    return -1;
  }
  if (old) *old = cur;
  if (ss) cur = *ss;
  return 0;
}
