/* wasip2-libc: Debian's <stdint.h> with the limits of the pointer-sized
 * types spelled in their own types.  On wasm32 size_t, ptrdiff_t, intptr_t
 * and uintptr_t are `long`-based while Debian writes their limits as the
 * int32 ones (`0xffffffffu`, an unsigned int), so printf("%zu", SIZE_MAX)
 * warned under -Wformat and C++ overloads picked the wrong function.  C
 * says each limit has the type of the (promoted) type it bounds;
 * test/misc/limits_types.c checks every one with _Generic. */
#ifndef __WASIP2_STDINT_H
#define __WASIP2_STDINT_H
#include_next <stdint.h>

#undef INTPTR_MIN
#undef INTPTR_MAX
#undef UINTPTR_MAX
#undef PTRDIFF_MIN
#undef PTRDIFF_MAX
#undef SIZE_MAX
#define INTPTR_MIN  (-1-0x7fffffffL)
#define INTPTR_MAX  0x7fffffffL
#define UINTPTR_MAX 0xffffffffUL
#define PTRDIFF_MIN (-1-0x7fffffffL)
#define PTRDIFF_MAX 0x7fffffffL
#define SIZE_MAX    0xffffffffUL

/* sig_atomic_t is long here (include/signal.h, as upstream's wasm32 one);
 * wint_t is the compiler's (clang's <stddef.h> defines it, an int), not
 * the unsigned int Debian's limits assume. */
#undef SIG_ATOMIC_MIN
#undef SIG_ATOMIC_MAX
#define SIG_ATOMIC_MIN (-1-0x7fffffffL)
#define SIG_ATOMIC_MAX 0x7fffffffL
#undef WINT_MIN
#undef WINT_MAX
#ifdef __WINT_UNSIGNED__
#define WINT_MIN 0U
#else
#define WINT_MIN (-1-__WINT_MAX__)
#endif
#define WINT_MAX __WINT_MAX__

#endif
