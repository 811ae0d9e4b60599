// -z stack-size given with --initial-memory: the user's stack size is used.
//! cflags: -Wl,--initial-memory=1048576 -Wl,-z,stack-size=262144
#include <stdio.h>
#include <sys/resource.h>
#include "check.h"

int main(void) {
  struct rlimit rl;
  REQUIRE(getrlimit(RLIMIT_STACK, &rl) == 0);
  printf("stack %llu bytes\n", (unsigned long long)rl.rlim_cur);
  CHECK_EQ(rl.rlim_cur, 262144);
  return CHECK_DONE();
}
