// Environment edge cases: setenv/unsetenv reject empty names and names with
// '=' (EINVAL, POSIX), overwrite=0 keeps a value, unsetenv of an absent
// name succeeds, getenv of an absent name is NULL, environ reflects changes.
//! env: EDGE_A=1
//! env: EDGE_EMPTY=
//! env: EDGE_EQ=a=b
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

extern char **environ;

static int in_environ(const char *entry) {
  for (char **e = environ; *e; e++) if (strcmp(*e, entry) == 0) return 1;
  return 0;
}

int main(void) {
  const char *v = getenv("EDGE_A");
  OK(v && strcmp(v, "1") == 0, "EDGE_A");
  v = getenv("EDGE_EMPTY");
  OK(v && *v == 0, "an empty value is set, not absent");
  v = getenv("EDGE_EQ");
  OK(v && strcmp(v, "a=b") == 0, "value with '=': %s", v ? v : "(null)");
  OK(getenv("EDGE_MISSING") == NULL, "absent name");
  OK(getenv("") == NULL, "empty name");
  OK(getenv("EDGE_A=1") == NULL, "name with '='");
  OK(in_environ("EDGE_A=1") && in_environ("EDGE_EMPTY="), "environ has the entries");

  CHECK_ERRNO(setenv("", "x", 1), EINVAL);
  CHECK_ERRNO(setenv("A=B", "x", 1), EINVAL);
  CHECK_ERRNO(setenv(NULL, "x", 1), EINVAL);
  CHECK_ERRNO(unsetenv(""), EINVAL);
  CHECK_ERRNO(unsetenv("A=B"), EINVAL);
  CHECK_ERRNO(unsetenv(NULL), EINVAL);
  errno = 0;
  OK(unsetenv("EDGE_MISSING") == 0 && errno == 0, "unsetenv of an absent name");
  OK(setenv("EDGE_A", "2", 0) == 0 && strcmp(getenv("EDGE_A"), "1") == 0, "overwrite=0 keeps the value");
  OK(setenv("EDGE_A", "2", 1) == 0 && strcmp(getenv("EDGE_A"), "2") == 0, "overwrite=1 replaces");
  OK(in_environ("EDGE_A=2") && !in_environ("EDGE_A=1"), "environ follows setenv");
  OK(setenv("EDGE_NEW", "", 1) == 0 && getenv("EDGE_NEW") && !*getenv("EDGE_NEW"), "set an empty value");
  OK(unsetenv("EDGE_A") == 0 && getenv("EDGE_A") == NULL && !in_environ("EDGE_A=2"), "unsetenv removes");
  static char pe[] = "EDGE_PUT=p";
  OK(putenv(pe) == 0 && strcmp(getenv("EDGE_PUT"), "p") == 0, "putenv");
  pe[9] = 'q'; // putenv keeps the caller's string itself
  OK(strcmp(getenv("EDGE_PUT"), "q") == 0, "putenv string is live");
  OK(clearenv() == 0 && getenv("EDGE_EMPTY") == NULL && (environ == NULL || environ[0] == NULL), "clearenv");
  OK(setenv("AFTER", "x", 1) == 0 && strcmp(getenv("AFTER"), "x") == 0, "setenv after clearenv");
  return CHECK_DONE();
}
