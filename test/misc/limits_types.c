// Every <stdint.h>/<limits.h> limit has the type of what it bounds (C11
// 7.20.2: "the same type as would an expression that is an object of the
// corresponding type converted according to the integer promotions"), so
// printf("%zu", SIZE_MAX) is right and -Wformat -Werror accepts it.
//! cflags: -std=c11 -Wformat -Werror
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <wchar.h>
#include "check.h"

#define T(m, t) do { const char *r = _Generic((m), t: "ok", default: "WRONG TYPE"); \
  CHECK(!strcmp(r, "ok"), "%s", #m); printf("%-18s %s (%s)\n", #m, r, #t); } while (0)

int main(void) {
  T(SIZE_MAX, size_t);
  T(SSIZE_MAX, ssize_t);
  T(PTRDIFF_MIN, ptrdiff_t);
  T(PTRDIFF_MAX, ptrdiff_t);
  T(INTPTR_MIN, intptr_t);
  T(INTPTR_MAX, intptr_t);
  T(UINTPTR_MAX, uintptr_t);
  T(INTMAX_MIN, intmax_t);
  T(INTMAX_MAX, intmax_t);
  T(UINTMAX_MAX, uintmax_t);
  T(INT64_MIN, int64_t);
  T(INT64_MAX, int64_t);
  T(UINT64_MAX, uint64_t);
  T(INT32_MIN, int32_t);
  T(INT32_MAX, int32_t);
  T(UINT32_MAX, uint32_t);
  T(INT_LEAST32_MAX, int_least32_t);
  T(UINT_LEAST32_MAX, uint_least32_t);
  T(INT_LEAST64_MAX, int_least64_t);
  T(UINT_LEAST64_MAX, uint_least64_t);
  T(INT_FAST32_MAX, int_fast32_t);
  T(UINT_FAST32_MAX, uint_fast32_t);
  T(INT_FAST64_MAX, int_fast64_t);
  T(UINT_FAST64_MAX, uint_fast64_t);
  T(SIG_ATOMIC_MIN, sig_atomic_t);
  T(SIG_ATOMIC_MAX, sig_atomic_t);
  T(WINT_MIN, wint_t);
  T(WINT_MAX, wint_t);
  T(WCHAR_MIN, wchar_t);
  T(WCHAR_MAX, wchar_t);
  T(LONG_MAX, long);
  T(ULONG_MAX, unsigned long);
  T(LLONG_MAX, long long);
  T(ULLONG_MAX, unsigned long long);
  T(INT64_C(1), int_least64_t);
  T(UINT64_C(1), uint_least64_t);
  T(INTMAX_C(1), intmax_t);
  T(UINTMAX_C(1), uintmax_t);
  // the values as well: the limits of the 32-bit pointer-sized types
  if (SIZE_MAX != (size_t)-1 || PTRDIFF_MAX != 0x7fffffffL || INTPTR_MIN != -PTRDIFF_MAX - 1 ||
      UINTPTR_MAX != (uintptr_t)-1 || SSIZE_MAX != PTRDIFF_MAX) CHECK(0, "WRONG VALUE");
#if SIZE_MAX != 0xffffffff
  CHECK(0, "SIZE_MAX unusable in #if");
#endif
  // these compile only because the types match (-Wformat -Werror)
  printf("%zu %td %td %jd %ld\n", SIZE_MAX, PTRDIFF_MAX, PTRDIFF_MIN, INTMAX_MAX, (long)SIG_ATOMIC_MAX);
  printf("%zd\n", (ssize_t)SSIZE_MAX);
  return CHECK_DONE();
}
