// -z stack-size given with --initial-memory: the user's stack size is used.
//! cflags: -Wl,--initial-memory=1048576 -Wl,-z,stack-size=262144
#include <stdio.h>
#include <sys/resource.h>

int main(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) != 0) return 1;
  printf("stack %llu bytes\n", (unsigned long long)rl.rlim_cur);
  return rl.rlim_cur == 262144 ? 0 : 1;
}
