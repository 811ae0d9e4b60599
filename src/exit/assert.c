// __assert_fail, what a failed assert() calls: glibc's message (the one
// Linux users and their test scripts know), then abort(), which prints the
// signal line and ends with status 134 and a backtrace under wasip2-run.
//   prog: file.c:12: func: Assertion `x > 0' failed.
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "wasip2_top.h"

_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func) {
  const char *prog = __progname ? __progname : "";
  fprintf(stderr, "%s%s%s:%d: %s%sAssertion `%s' failed.\n", prog, *prog ? ": " : "",
          file, line, func ? func : "", func ? ": " : "", expr);
  abort();
}
