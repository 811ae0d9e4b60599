// tmpnam/tempnam without any usable directory (no preopen): NULL, ENOENT.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"

int main(void) {
  unsetenv("TMPDIR");
  CHECK_ERRNO_NULL(tmpnam(NULL), ENOENT);
  CHECK_ERRNO_NULL(tempnam(NULL, "x"), ENOENT);
  printf("no temp dir: NULL/ENOENT\n");
  return CHECK_DONE();
}
