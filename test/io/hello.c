// The smallest program: one line on stdout, exit 0.
//! stdout-contains: hello, world
#include <stdio.h>
#include "check.h"
int main(void) {
  printf("hello, world\n");
  return 0;
}
