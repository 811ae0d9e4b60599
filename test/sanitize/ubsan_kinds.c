// Guest of ubsan.test.mjs, built with -fsanitize=undefined (-g -O0): one bug
// of each kind UBSan checks, each on its own line; recoverable reports let it
// run on to the end.  A check in a loop is reported once.
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

enum color { RED, GREEN, BLUE };
static volatile int vmax = INT_MAX, vmin = INT_MIN, vneg = -1, vbig = 40, vidx = 4, sink;
static volatile double vhuge = 1e30;
static int arr[4] = {1, 2, 3, 4};

__attribute__((nonnull)) static int deref(int *p) { return *p; }

int main(void) {
  for (int i = 0; i < 3; i++) sink = vmax + 1;          // ADD
  sink = vmin - 1;                                      // SUB
  sink = vmax * 2;                                      // MUL
  sink = -vmin;                                         // NEG
  sink = 1 << vbig;                                     // SHIFT-BIG
  sink = 1 << vneg;                                     // SHIFT-NEG
  sink = vneg << 1;                                     // SHIFT-LHS
  sink = arr[vidx];                                     // INDEX
  char buf[8] = {0};
  int *volatile mis = (int *)(buf + 1);
  sink = *mis;                                          // MISALIGNED
  int *volatile np = NULL;
  sink = np != NULL ? *np : 0;                          // (guarded: no report)
  unsigned char raw = 7;
  bool b;
  memcpy(&b, &raw, 1);
  sink = b;                                             // BOOL
  sink = (int)vhuge;                                    // FLOAT-CAST
  int n = vneg;
  sink = n > 0 ? 0 : 1;
  int *volatile nul = NULL;
  if (vidx == 5) sink = deref(nul);                     // (not reached)
  printf("reached the end\n");
  return 0;
}
