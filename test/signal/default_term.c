// An unhandled SIGTERM ends the program with status 143 (128 + SIGTERM, as
// a Linux shell reports it; a host that sees only ok/err gets 1) without
// running atexit handlers.
//! exit: 143
//! stdout-contains: before
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
static void bye(void) { write(1, "atexit must not run\n", 20); }
int main(void) {
  atexit(bye);
  printf("before\n");
  fflush(stdout);
  raise(SIGTERM);
  printf("still alive after SIGTERM\n");
  return 0;
}
