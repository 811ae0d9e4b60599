// Upstream's link line `-Wl,--initial-memory=327680` (its string tests) links
// and runs: with the memory fixed by the user, the default stack is sized
// from it (an eighth, at least wasm-ld's 64 KiB) instead of our 1 MiB, which
// could not fit.  The program still has its heap: malloc grows the memory.
//! cflags: -Wl,--initial-memory=327680
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "check.h"

static size_t depth(int n) { volatile char frame[512]; frame[0] = (char)n; return n ? depth(n - 1) + frame[0] * 0 + 1 : 0; }

int main(void) {
  struct rlimit rl;
  REQUIRE(getrlimit(RLIMIT_STACK, &rl) == 0);
  printf("stack %llu bytes, memory at start %zu pages\n", (unsigned long long)rl.rlim_cur, (size_t)__builtin_wasm_memory_size(0));
  REQUIRE(rl.rlim_cur == 65536);
  // recursion within the 64 KiB stack
  REQUIRE(depth(60) == 60);
  char *s = malloc(1 << 20);
  REQUIRE(s != NULL);
  memset(s, 'x', (1 << 20) - 1);
  s[(1 << 20) - 1] = 0;
  REQUIRE(strlen(s) == (1 << 20) - 1 && strchr(s, 'y') == NULL);
  free(s);
  puts("initial-memory ok");
  return CHECK_DONE();
}
