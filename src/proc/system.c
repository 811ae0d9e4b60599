// No shell can be started: system(NULL) reports none (0), other calls fail
// with ENOSYS; popen likewise.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int system(const char *cmd) {
  if (!cmd) return 0;
  errno = ENOSYS;
  return -1;
}

FILE *popen(const char *cmd, const char *mode) {
  (void)cmd; (void)mode;
  errno = ENOSYS;
  return NULL;
}

int pclose(FILE *f) {
  (void)f;  // popen never succeeds, so f is not one of its streams
  errno = ECHILD;
  return -1;
}
