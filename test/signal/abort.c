// abort() raises SIGABRT first, so an installed handler runs, even with
// SIGABRT blocked; when the handler returns the program still ends, with
// status 134 (128 + SIGABRT; a host that sees only ok/err gets 1) and
// "wasip2: terminated by signal: Aborted" on stderr.  atexit handlers do
// not run.
//! exit: 134
//! stdout-contains: handler ran for signal 6
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"

static void on_abrt(int sig) {
  printf("handler ran for signal %d\n", sig);
  fflush(stdout);
}
static void bye(void) { (void)!write(1, "atexit must not run\n", 20); }

int main(void) {
  atexit(bye);
  signal(SIGABRT, on_abrt);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  sigprocmask(SIG_BLOCK, &set, NULL);
  abort();
  printf("abort returned\n");
  return 0;
}
