// The environment comes from --env only; getenv/setenv/unsetenv and environ.
//! env: KEY=V
//! env: OTHER=with=equals
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern char **environ;
int main(void) {
  const char *k = getenv("KEY"), *o = getenv("OTHER");
  if (!k || strcmp(k, "V") != 0) { printf("FAIL: KEY=%s\n", k ? k : "(null)"); return 1; }
  if (!o || strcmp(o, "with=equals") != 0) { printf("FAIL: OTHER\n"); return 1; }
  if (getenv("PATH")) { printf("FAIL: host env leaked\n"); return 1; }
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  if (n != 2) { printf("FAIL: %d entries\n", n); return 1; }
  setenv("NEW", "1", 1);
  unsetenv("KEY");
  if (getenv("KEY") || strcmp(getenv("NEW"), "1") != 0) { printf("FAIL: setenv/unsetenv\n"); return 1; }
  printf("ok: env\n");
  return 0;
}
