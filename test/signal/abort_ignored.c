// abort() with SIGABRT ignored still ends the program (POSIX), status 134
// (128 + SIGABRT).
//! exit: 134
//! stdout-contains: before
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"

int main(void) {
  signal(SIGABRT, SIG_IGN);
  printf("before\n");
  fflush(stdout);
  abort();
}
