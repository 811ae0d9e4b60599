// memcpy, memmove and memset as the engine's own bulk-memory instructions
// (memory.copy, memory.fill: clang emits them for the builtins when the
// bulk-memory feature is on, as it is by default for this target).  The top
// half's portable C versions are 1.7 KB of code in every program and slower.
#include <string.h>

#if !defined(__wasm_bulk_memory__)
#error "src/string/memcpy.c needs the bulk-memory feature (memory.copy, memory.fill)"
#endif

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
  return __builtin_memcpy(dst, src, n);
}

void *memmove(void *dst, const void *src, size_t n) {
  return __builtin_memmove(dst, src, n);
}

void *memset(void *dst, int c, size_t n) {
  return __builtin_memset(dst, c, n);
}
