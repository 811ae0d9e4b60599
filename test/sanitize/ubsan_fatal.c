// Guest of ubsan.test.mjs: argv[1] picks one bug; built with
// -fsanitize=undefined -fno-sanitize-recover=all the first report ends the
// program (status 1 and a backtrace, as compiler-rt's Die); built with
// -fsanitize-minimal-runtime it prints only the check's name.
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

enum color { RED, GREEN, BLUE };
static volatile int vmax = INT_MAX, vzero = 0, sink;
static int *volatile nullp;

__attribute__((noinline)) static int add_one(int x) { return x + 1; }
__attribute__((noinline)) static int choose(int c) {
  switch (c) { case 0: return 1; case 1: return 2; }
  __builtin_unreachable();
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "";
  if (!strcmp(what, "overflow")) sink = add_one(vmax);
  if (!strcmp(what, "divide")) sink = 10 / vzero;
  if (!strcmp(what, "null")) sink = *nullp;
  if (!strcmp(what, "unreachable")) sink = choose(vzero + 5);
  if (!strcmp(what, "enum")) {
    int raw = 9;
    enum color c;
    memcpy(&c, &raw, sizeof c);
    sink = c;
  }
  printf("after %s\n", what);
  return 0;
}
