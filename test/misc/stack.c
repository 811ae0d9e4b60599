// The default stack is 1 MiB: a 512 KiB array on the stack is normal C.
#include <stdio.h>
#include <string.h>
#include "check.h"
static int use(volatile char *p, size_t n) {
  for (size_t i = 0; i < n; i += 4096) p[i] = (char)i;
  int s = 0;
  for (size_t i = 0; i < n; i += 4096) s += p[i];
  return s;
}
int main(void) {
  volatile char big[512 * 1024];
  memset((char *)big, 1, sizeof big);
  printf("512 KiB stack array ok (%d)\n", use(big, sizeof big) != 12345);
  return 0;
}
