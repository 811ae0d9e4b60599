// Program entry for command components: the wasi:cli/run export.  Runs the
// constructors, main, then exit() (atexit handlers, stdio flush, resource
// release, wasi:cli/exit).
#include <stdlib.h>

void __wasm_call_ctors(void);
int __main_void(void);

__attribute__((export_name("wasi:cli/run@0.2.0#run")))
int __wasip2_run(void) {
  __wasm_call_ctors();
  exit(__main_void());
}
