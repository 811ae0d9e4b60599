// Program entry for command components: the wasi:cli/run export.  Runs the
// constructors and main, then what exit() does (atexit handlers, stdio
// flush, destructors via __wasm_call_dtors; every WASI resource released)
// and returns main's status as run's result, which saves the host call to
// wasi:cli/exit that exit() would make.  exit() called from inside the
// program still leaves through wasi:cli/exit.
#include "wasip2_runtime.h"

// cabi_realloc (src/mem/cabi_realloc.c), through which the host hands over
// lists and strings, is linked by the bindings of the calls that return
// some, not from here: run itself needs none.

__attribute__((export_name("wasi:cli/run@0.2.0#run")))
int __wasip2_run(void) {
  __wasm_call_ctors();
  int status = __main_void();
  __wasm_call_dtors();
  // Records the status for wasip2-run (src/exit/_Exit.c), releases every
  // resource; result: 0 is ok, 1 is err.
  return __wasip2_finish(status);
}
