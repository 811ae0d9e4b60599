// longjmp out of a signal handler: raise() runs the handler before it returns, the handler
// siglongjmps back to the sigsetjmp in main (100 times), and the mask sigsetjmp(env, 1)
// saved comes back (the handler ran with SIGUSR1 blocked); with sigsetjmp(env, 0) the mask
// stays as the handler left it, as on Linux. An alarm's handler jumps out of a pause().
// Built with the default flags: no -mllvm option.
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include "check.h"

static sigjmp_buf env;
static volatile sig_atomic_t hits;

static void on_usr1(int sig) {
  hits++;
  siglongjmp(env, sig);
}

static int usr1_blocked(void) {
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  return sigismember(&cur, SIGUSR1);
}

int main(void) {
  struct sigaction sa = { 0 };
  sa.sa_handler = on_usr1;
  sigemptyset(&sa.sa_mask);
  CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
  CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
  int back = 0;
  for (int i = 0; i < 100; i++) {
    int r = sigsetjmp(env, 1);
    if (r == 0) {
      raise(SIGUSR1);
      CHECK(0, "raise returned past a handler that jumps");
    } else if (r == SIGUSR1) {
      back++;
    }
  }
  printf("handler jumped out %d times, %d landings\n", (int)hits, back);
  CHECK(hits == 100 && back == 100);
  CHECK(!usr1_blocked(), "sigsetjmp(env, 1): mask restored");
  printf("saved mask restored: SIGUSR1 %s\n", usr1_blocked() ? "blocked" : "unblocked");

  if (sigsetjmp(env, 0) == 0) raise(SIGUSR1);
  printf("without a saved mask: SIGUSR1 %s\n", usr1_blocked() ? "blocked" : "unblocked");
  CHECK(usr1_blocked(), "sigsetjmp(env, 0): the handler's mask stays");
  sigset_t s;
  sigemptyset(&s);
  sigprocmask(SIG_SETMASK, &s, NULL);

  volatile int landed = 0;
  if (sigsetjmp(env, 1) == 0) {
    alarm(1);
    pause();
    CHECK(0, "pause returned past a handler that jumps");
  } else {
    landed = 1;
  }
  printf("alarm handler jumped out of pause: %s\n", landed ? "yes" : "no");
  CHECK(landed);
  return CHECK_DONE();
}
