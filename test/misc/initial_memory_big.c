// A larger fixed memory gives a larger default stack (an eighth of 4 MiB:
// 512 KiB); with 16 MiB it is the usual 1 MiB; an explicit -z stack-size
// always wins (test/misc/stack.c covers the plain default).
//! cflags: -Wl,--initial-memory=4194304
#include <stdio.h>
#include <sys/resource.h>
#include "check.h"

int main(void) {
  struct rlimit rl;
  REQUIRE(getrlimit(RLIMIT_STACK, &rl) == 0);
  printf("stack %llu bytes\n", (unsigned long long)rl.rlim_cur);
  CHECK_EQ(rl.rlim_cur, 524288);
  return CHECK_DONE();
}
