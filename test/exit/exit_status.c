// exit(3) with a non-zero status ends the program after flushing stdio and
// running atexit; wasip2-run reports the status itself (WASI 0.2.0 carries
// only ok/err: other hosts report 1).
//! exit: 7
//! stdout-contains: buffered before exit
//! stdout-contains: atexit ran
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
static void bye(void) { printf("atexit ran\n"); }
int main(void) {
  atexit(bye);
  printf("buffered before exit");
  exit(7);
}
