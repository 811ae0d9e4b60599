// Program entry for command components: the wasi:cli/run export.  Runs the
// constructors and main, then what exit() does (atexit handlers, stdio
// flush, destructors via __wasm_call_dtors; every WASI resource released)
// and returns main's status as run's result, which saves the host call to
// wasi:cli/exit that exit() would make.  exit() called from inside the
// program still leaves through wasi:cli/exit.
void __wasm_call_ctors(void);
#include <stddef.h>

// The host allocates every list and string it returns through the exported
// cabi_realloc (src/mem/cabi_realloc.c); an export alone does not pull an
// archive member in, so every component references it from here.
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size);
__attribute__((used)) static void *(*const pull_cabi_realloc)(void *, size_t, size_t, size_t) = cabi_realloc;
void __wasm_call_dtors(void);
int __wasip2_finish(int status);
int __main_void(void);

__attribute__((export_name("wasi:cli/run@0.2.0#run")))
int __wasip2_run(void) {
  __wasm_call_ctors();
  int status = __main_void();
  __wasm_call_dtors();
  // Records the status for wasip2-run (src/exit/_Exit.c), releases every
  // resource; result: 0 is ok, 1 is err.
  return __wasip2_finish(status);
}
