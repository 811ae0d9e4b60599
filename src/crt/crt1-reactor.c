// Entry for reactor (library) components built with -mexec-model=reactor:
// the host calls _initialize once to run constructors; there is no run export.
#include "wasip2_runtime.h"

// The host allocates every list and string it returns through the exported
// cabi_realloc (src/mem/cabi_realloc.c); an export alone does not pull an
// archive member in, so every component references it from here
// (declared by the bindings' header).
__attribute__((used)) static void *(*const pull_cabi_realloc)(void *, size_t, size_t, size_t) = cabi_realloc;

__attribute__((export_name("_initialize")))
void _initialize(void) {
  __wasm_call_ctors();
}
