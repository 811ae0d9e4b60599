// Handler table and delivery.  A signal is delivered on the caller's stack,
// synchronously, from raise/kill/sigprocmask or a safe point: the handler
// runs with sa_mask (and the signal itself, unless SA_NODEFER) blocked, as
// on Linux.  Default actions: terminate (status 128 + signal, what a Linux
// shell reports for a killed child; hosts that see only WASI 0.2.0's ok/err
// get err), ignore (CHLD, URG, WINCH, CONT) or stop, which without job
// control is ignored too.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wasip2_signal.h"
#include "wasip2_wait.h"

uint64_t __wasip2_sig_blocked;
uint64_t __wasip2_sig_pending;
unsigned __wasip2_sig_handled;
static struct sigaction actions[_NSIG];
static int pending_code[_NSIG];

// Distinct functions, compared by address only: SIG_IGN and SIG_ERR.
void __SIG_IGN(int sig) { (void)sig; }
void __SIG_ERR(int sig) { (void)sig; }

static int default_ignores(int sig) {
  switch (sig) {
  case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
  case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
  // writes already report a closed peer as EPIPE, so the signal that
  // would announce it adds nothing but a death: ignored by default
  case SIGPIPE:
    return 1;
  }
  return 0;
}

static _Noreturn void terminate(int sig) {
  // What a shell would print for a killed child: on a host that sees only
  // ok/err the status (1) cannot say that a signal ended the program.
  const char *name = strsignal(sig);
  char msg[96];
  size_t n = 0;
  const char *parts[] = {"wasip2: terminated by signal: ", name, "\n"};
  for (int i = 0; i < 3; i++)
    for (const char *p = parts[i]; *p && n < sizeof msg; p++) msg[n++] = *p;
  (void)!write(2, msg, n);
  // 128 + sig is $? in a Linux shell after a child died of sig (134 for
  // SIGABRT); wasip2-run reports it, other hosts see err.
  _Exit(128 + sig);
}

static int deliver(int sig, int code) {
  struct sigaction *a = &actions[sig];
  if (a->sa_handler == SIG_IGN) return 0;
  if (a->sa_handler == SIG_DFL) {
    if (default_ignores(sig)) return 0;
    terminate(sig);
  }
  uint64_t saved = __wasip2_sig_blocked;
  uint64_t during = saved | __wasip2_sigset_bits(&a->sa_mask);
  if (!(a->sa_flags & SA_NODEFER)) during |= WASIP2_SIGBIT(sig);
  int flags = a->sa_flags;
  struct sigaction copy = *a;
  if (flags & SA_RESETHAND) {
    memset(a, 0, sizeof *a);
    a->sa_handler = SIG_DFL;
  }
  __wasip2_sig_blocked = during & ~(WASIP2_SIGBIT(SIGKILL) | WASIP2_SIGBIT(SIGSTOP));
  __wasip2_sig_handled++;
  if (flags & SA_SIGINFO) {
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = sig;
    si.si_code = code;
    si.si_pid = getpid();
    si.si_uid = getuid();
    copy.sa_sigaction(sig, &si, NULL);
  } else {
    copy.sa_handler(sig);
  }
  // A handler that longjmp'd out never gets here; siglongjmp restores the
  // mask it saved, plain longjmp keeps the handler's (as on Linux).
  __wasip2_sig_blocked = saved;
  return (flags & SA_RESTART) ? 1 : -1;
}

int __wasip2_sig_flush(int *restart) {
  int ran = 0;
  uint64_t ready;
  while ((ready = __wasip2_sig_pending & ~__wasip2_sig_blocked) != 0) {
    int sig = __builtin_ctzll(ready) + 1;
    __wasip2_sig_pending &= ~WASIP2_SIGBIT(sig);
    int r = deliver(sig, pending_code[sig]);
    if (r != 0) ran++;
    if (r < 0 && restart) *restart = 0;
  }
  return ran;
}

void __wasip2_sig_generate(int sig, int code) {
  // SIGKILL cannot be caught, blocked or ignored.
  if (sig == SIGKILL) terminate(sig);
  struct sigaction *a = &actions[sig];
  // An ignored signal is discarded at generation time, never left pending.
  if (a->sa_handler == SIG_IGN || (a->sa_handler == SIG_DFL && default_ignores(sig)))
    return;
  __wasip2_sig_pending |= WASIP2_SIGBIT(sig);
  pending_code[sig] = code;
  // threads waiting for a signal look again (-pthread; no hook otherwise)
  if (__wasip2_wait_hooks.wake) __wasip2_wait_hooks.wake(WASIP2_SIG_TOKEN);
  __wasip2_sig_flush(NULL);
}

int sigaction(int sig, const struct sigaction *restrict sa, struct sigaction *restrict old) {
  if (sig <= 0 || sig >= _NSIG || (sa && (sig == SIGKILL || sig == SIGSTOP))) {
    errno = EINVAL;
    return -1;
  }
  if (old) *old = actions[sig];
  if (sa) {
    actions[sig] = *sa;
    // Setting SIG_IGN (or a default that ignores) discards a pending one.
    if (sa->sa_handler == SIG_IGN || (sa->sa_handler == SIG_DFL && default_ignores(sig)))
      __wasip2_sig_pending &= ~WASIP2_SIGBIT(sig);
    // from outside: caught by the host only while the program wants it
    __wasip2_sigext_want(sig);
  }
  return 0;
}

void (*signal(int sig, void (*fn)(int)))(int) {
  // BSD semantics, like glibc and musl: handler stays installed, restarts.
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  sa.sa_flags = SA_RESTART;
  if (sigaction(sig, &sa, &old) < 0) return SIG_ERR;
  return old.sa_handler;
}

void (*bsd_signal(int sig, void (*fn)(int)))(int) {
  return signal(sig, fn);
}
