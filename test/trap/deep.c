// Guest of backtrace.test.mjs: argv[1] picks how it dies, three calls deep
// (divide by zero, abort, a failed assert, __builtin_trap, a null call).
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static volatile int zero;
static const char *how = "";

__attribute__((noinline)) static int inner(int a) {
  if (!strcmp(how, "abort")) abort();
  if (!strcmp(how, "assert")) assert(a < 0);
  if (!strcmp(how, "unreachable")) __builtin_trap();
  return a / zero;
}
__attribute__((noinline)) static int middle(int a) { return inner(a + 1) * 3; }
__attribute__((noinline)) static int outer(int a) { return middle(a * 2) - 1; }

int main(int argc, char **argv) {
  how = argc > 1 ? argv[1] : "";
  return outer(argc);
}
