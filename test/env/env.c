// The environment comes from --env only; getenv/setenv/unsetenv and environ.
//! env: KEY=V
//! env: OTHER=with=equals
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
extern char **environ;
int main(void) {
  const char *k = getenv("KEY"), *o = getenv("OTHER");
  CHECK_STR(k, "V");
  CHECK_STR(o, "with=equals");
  CHECK(!getenv("PATH"), "host env leaked");
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  CHECK_EQ(n, 2, "environ entries");
  setenv("NEW", "1", 1);
  unsetenv("KEY");
  CHECK(!getenv("KEY"), "unsetenv");
  CHECK_STR(getenv("NEW"), "1", "setenv");
  printf("ok: env\n");
  return CHECK_DONE();
}
