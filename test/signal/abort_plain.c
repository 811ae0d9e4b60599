// abort() in a program that uses no signal function (assert's path): the
// signal code is not linked, abort still ends the program with status 134
// (128 + SIGABRT), as when it is.
//! exit: 134
//! stdout-contains: before
#include <stdio.h>
#include <stdlib.h>
#include "check.h"

int main(void) {
  printf("before\n");
  fflush(stdout);
  abort();
}
