// The stack-pointer bounds of the running thread, for the overflow check a
// -pthread link adds (tools/lib/stack-check.mjs runs Binaryen's stack-check
// pass: every store to __stack_pointer traps in __wasip2_stack_overflow
// unless limit <= new value <= base).  The check's two globals exist only
// after that pass, so C cannot name them: the link replaces this function's
// body with the two global.set instructions.  The body here is what runs
// when no check was added (then there is nothing to update).
#include "wasip2_thread.h"

__attribute__((noinline)) void __wasip2_stack_limits(void *base, void *limit) {
  __asm__ volatile("" : : "r"(base), "r"(limit));
}
