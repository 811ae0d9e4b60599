// Upstream wasi-sdk's documented setjmp recipe, unchanged:
// `-mllvm -wasm-enable-sjlj -lsetjmp`.  libsetjmp.a is an empty archive
// (the runtime is in libc.a), so the line links, and setjmp/longjmp work:
// a value comes back through longjmp, locals declared volatile keep their
// values, and a longjmp out of nested calls unwinds them.
//! cflags: -mllvm -wasm-enable-sjlj -lsetjmp
#include <setjmp.h>
#include <stdio.h>
#include "check.h"

static jmp_buf env;
static int depth;

static void dive(int n) {
  depth = n;
  if (n == 50) longjmp(env, n);
  dive(n + 1);
}

int main(void) {
  volatile int count = 0;
  int r = setjmp(env);
  count++;
  if (r == 0) dive(1);
  printf("longjmp returned %d after %d levels, setjmp returned %d times\n", r, depth, count);
  CHECK(r == 50 && depth == 50 && count == 2);
  jmp_buf e2;
  if ((r = setjmp(e2)) == 0) longjmp(e2, 0);
  printf("longjmp(env, 0) makes setjmp return %d\n", r);
  CHECK_EQ(r, 1);
  return CHECK_DONE();
}
