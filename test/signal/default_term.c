// An unhandled SIGTERM ends the program (host status 1: WASI 0.2.0 exit
// carries only ok/err) without running atexit handlers.
//! exit: 1
//! stdout-contains: before
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void bye(void) { write(1, "atexit must not run\n", 20); }
int main(void) {
  atexit(bye);
  printf("before\n");
  fflush(stdout);
  raise(SIGTERM);
  printf("still alive after SIGTERM\n");
  return 0;
}
