// abort(3), replacing Debian's abort.o (a bare trap; see
// tools/replaced-members.txt).  POSIX: SIGABRT is raised so a handler the
// program installed runs; blocking or ignoring it does not stop abort, and
// a handler that returns does not either.  The program then ends with a
// line on stderr and status 134 (128 + SIGABRT, what a Linux shell reports):
// by a trap after recording the status (__wasip2_trap_exit), so wasip2-run
// prints a backtrace and exits 134, and another host reports a trap.
// Like Linux, streams are not flushed and atexit handlers do not run.
//
// printf, strtod, assert... all reference abort, so a strong reference to
// the signal code here would link it (and, through sigsuspend, the alarm
// clock) into nearly every program.  The references are weak instead: a
// handler can only have been installed through src/signal/sigaction.c, and
// when that object is not linked SIGABRT's default action is all there is.
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "wasip2_runtime.h"
#include "wasip2_signal.h"

// weak in this object only (the prototypes are wasip2_signal.h's and
// <signal.h>'s)
#pragma weak __wasip2_sig_blocked
#pragma weak __wasip2_sig_generate
#pragma weak sigaction

_Noreturn void abort(void) {
  struct sigaction old;
  if (__wasip2_sig_generate && sigaction && &__wasip2_sig_blocked
      && sigaction(SIGABRT, NULL, &old) == 0 && old.sa_handler != SIG_DFL) {
    // Unblock first: a blocked SIGABRT would only become pending, and POSIX
    // wants the handler to run anyway.  (What raise() does, without
    // pulling raise.c in.)
    __wasip2_sig_blocked &= ~WASIP2_SIGBIT(SIGABRT);
    __wasip2_sig_generate(SIGABRT, SI_TKILL);
    // Still here: the handler returned, or SIGABRT was ignored.  The
    // default action follows (below), with its handler reset as POSIX says.
    struct sigaction dfl = {0};
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGABRT, &dfl, NULL);
  }
  // SIGABRT's default action: its words (the ones src/signal/sigaction.c
  // prints for any fatal signal), then status 128 + SIGABRT, leaving by a
  // trap so that the host prints where abort was called from.
  static const char msg[] = "wasip2: terminated by signal: Aborted\n";
  (void)!write(2, msg, sizeof msg - 1);
  __wasip2_trap_exit(128 + SIGABRT);
}
