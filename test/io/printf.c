// printf through the top half's stdio onto our stdout: integers, floats,
// long double, wide strings.
//! cflags: -lc-printscan-long-double
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <locale.h>
#include <stdint.h>
#include "check.h"


int main(void) {
  char b[256];
  snprintf(b, sizeof b, "%d %u %ld %lld %x %o %+05d", -42, 42u, -1234567L, (long long)INT64_MIN, 0xbeef, 8, 7);
  CHECK_STR(b, "-42 42 -1234567 -9223372036854775808 beef 10 +0007");
  snprintf(b, sizeof b, "%.3f %e %g %a", 3.14159265, 12345.678, 0.0001, 1.0);
  CHECK_STR(b, "3.142 1.234568e+04 0.0001 0x1p+0");
  snprintf(b, sizeof b, "%.10Lf", 1.0L / 3.0L);
  CHECK_STR(b, "0.3333333333");
  snprintf(b, sizeof b, "%Lg", 1e4000L);
  CHECK_STR(b, "1e+4000");
  setlocale(LC_ALL, "C.UTF-8");
  snprintf(b, sizeof b, "%ls|%lc", L"gr\u00fc\u00dfe", (wint_t)0x20ac);
  CHECK_STR(b, "gr\xc3\xbc\xc3\x9f" "e|\xe2\x82\xac");
  // and the same through stdout itself
  int n = printf("%s %5.1f %ls\n", "direct", 2.25, L"\u00fc");
  CHECK_EQ(n, 16, "printf's count");
  return CHECK_DONE();
}
