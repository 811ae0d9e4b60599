// Stack-protector runtime.  Debian builds compiler-rt's wasm32 builtins with its default
// hardening (-fstack-protector-strong), so __umodti3/__modti3/__divmodti4 (128-bit division,
// which libc++'s to_chars and <format> use) reference __stack_chk_guard and __stack_chk_fail;
// Debian's wasi-libc defines neither.  User code built with -fstack-protector needs them too.
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "wasip2_runtime.h"

uintptr_t __stack_chk_guard = 0x2f8a0c57u;

// A fixed canary still catches accidental overruns; a random one also resists deliberate ones.
// Only programs that reference the guard link this object, so only they pay the one host call.
// Functions already on the stack when this runs were not built with canaries (crt, libc).
__attribute__((constructor(1))) static void __wasip2_stack_chk_init(void) {
  uintptr_t g;
  if (getentropy(&g, sizeof g) == 0 && g != 0) __stack_chk_guard = g;
}

_Noreturn void __stack_chk_fail(void) {
  static const char msg[] = "*** stack smashing detected ***: terminated\n";
  write(2, msg, sizeof msg - 1);
  abort();
}
