// exit(3) with a non-zero status ends the program with host status 1 (WASI
// 0.2.0 carries only ok/err) after flushing stdio and running atexit.
//! exit: 1
//! stdout-contains: buffered before exit
//! stdout-contains: atexit ran
#include <stdio.h>
#include <stdlib.h>
static void bye(void) { printf("atexit ran\n"); }
int main(void) {
  atexit(bye);
  printf("buffered before exit");
  exit(7);
}
