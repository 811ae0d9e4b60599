// -fsanitize-minimal-runtime's handlers: the check's name only
// ("ubsan: add-overflow"), as compiler-rt's minimal runtime prints it (it
// adds the caller's address, which wasm code cannot take; the backtrace of a
// fatal report shows the place instead).  At most WASIP2_UBSAN_MINIMAL_MAX
// reports, then silence; the _abort forms end with status 1 by a trap.
#include <string.h>
#include <unistd.h>
#include "wasip2_runtime.h"
#include "wasip2_ubsan.h"

static int reported;

static void report(const char *name, int fatal) {
  if (reported < WASIP2_UBSAN_MINIMAL_MAX || fatal) {
    reported++;
    char msg[64] = "ubsan: ";
    size_t n = 7;
    for (; *name && n < sizeof msg - 1; name++) msg[n++] = *name == '_' ? '-' : *name;
    msg[n++] = '\n';
    (void)!write(2, msg, n);
  }
  if (fatal) __wasip2_trap_exit(1);
}

#define DEFINE(name) \
  void __ubsan_handle_##name##_minimal(void) { report(#name, 0); } \
  void __ubsan_handle_##name##_minimal_abort(void) { report(#name, 1); __builtin_unreachable(); }
WASIP2_UBSAN_MINIMAL_ALL(DEFINE)
