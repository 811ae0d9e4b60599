// Entry for reactor (library) components built with -mexec-model=reactor:
// the host calls _initialize once to run constructors; there is no run export.
void __wasm_call_ctors(void);
#include <stddef.h>

// The host allocates every list and string it returns through the exported
// cabi_realloc (src/mem/cabi_realloc.c); an export alone does not pull an
// archive member in, so every component references it from here.
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size);
__attribute__((used)) static void *(*const pull_cabi_realloc)(void *, size_t, size_t, size_t) = cabi_realloc;

__attribute__((export_name("_initialize")))
void _initialize(void) {
  __wasm_call_ctors();
}
