// Runtime for clang's wasm setjmp/longjmp lowering (-mllvm -wasm-enable-sjlj).
//
// The compiler rewrites each function that calls setjmp: every setjmp site
// calls __wasm_setjmp(env, label, id), where `id` is the address of a stack
// slot unique to this invocation of the function and `label` numbers the
// site; longjmp becomes __wasm_longjmp(env, val), which throws the
// __c_longjmp tag with a pointer to {env, val}.  Each rewritten function
// catches that tag, asks __wasm_setjmp_test(env, id) whether env was set by
// one of ITS sites in THIS invocation (label, or 0 to rethrow outward), and
// if so resumes at that site with val.  So a jmp_buf only has to remember
// (id, label), plus room for the thrown {env, val} record.
#include <stdint.h>
#include "wasip2_runtime.h"

struct __wasip2_sjlj {
  void *invocation;   // which activation set the buffer (stack slot address)
  uint32_t label;     // which setjmp site inside it (never 0)
  struct {            // the tag's payload; must live past the unwinding
    void *env;
    int val;
  } thrown;
};

_Static_assert(sizeof(struct __wasip2_sjlj) <= 16, "fits jmp_buf.__jb");

void __wasm_setjmp(void *env, uint32_t label, void *invocation) {
  struct __wasip2_sjlj *b = env;
  b->invocation = invocation;
  b->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *invocation) {
  struct __wasip2_sjlj *b = env;
  // An unset or foreign buffer never matches: the exception keeps
  // propagating and, if nobody set it, traps as uncaught (as UB would).
  return b->invocation == invocation ? b->label : 0;
}

// The tag lives here, next to its only thrower, so linking any lowered
// object pulls both in.  Payload: one i32, the address of `thrown`.
__asm__(".globl __c_longjmp\n"
        ".tagtype __c_longjmp i32\n"
        "__c_longjmp:\n");

__attribute__((target("exception-handling"), noreturn))
void __wasm_longjmp(void *env, int val) {
  struct __wasip2_sjlj *b = env;
  b->thrown.env = env;
  // longjmp(env, 0) must look like a return of 1 from setjmp (C11 7.13.2.1).
  b->thrown.val = val ? val : 1;
  __builtin_wasm_throw(1, &b->thrown);
}
