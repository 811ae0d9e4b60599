// tmpnam/tempnam without any usable directory (no preopen): NULL, ENOENT.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  unsetenv("TMPDIR");
  errno = 0;
  if (tmpnam(NULL) != NULL || errno != ENOENT) { printf("FAIL: tmpnam\n"); return 1; }
  errno = 0;
  if (tempnam(NULL, "x") != NULL || errno != ENOENT) { printf("FAIL: tempnam\n"); return 1; }
  printf("no temp dir: NULL/ENOENT\n");
  return 0;
}
