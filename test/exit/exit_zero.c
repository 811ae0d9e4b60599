// exit(0) from deep inside the program is a clean status 0.
//! stdout-contains: leaving
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
static void leave(int depth) { if (depth == 0) { printf("leaving\n"); exit(0); } leave(depth - 1); }
int main(void) { leave(10); return 3; }
