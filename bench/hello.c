/* hello.c: hello world, the smallest useful program (size, imports, host calls and
 * startup rows).  `int main(void)`: a program that ignores its arguments should not
 * pay for fetching them. */
#include <stdio.h>

int main(void) {
  printf("hello, world\n");
  return 0;
}
