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

extern char **environ;
static int failures;
#define CHECK(cond, ...) do { if (!(cond)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } else printf("ok: %s\n", #cond); } while (0)
#define EXPECT_ERR(call, e) do { errno = 0; long r_ = (long)(call); \
  if (r_ != -1 || errno != (e)) { printf("FAIL %s:%d: %s gave %ld errno %d, want -1 %s\n", __FILE__, __LINE__, #call, r_, errno, #e); failures++; } \
  else printf("ok: %s -> %s\n", #call, #e); } while (0)

static int in_environ(const char *entry) {
  for (char **e = environ; *e; e++) if (strcmp(*e, entry) == 0) return 1;
  return 0;
}

int main(void) {
  const char *v = getenv("EDGE_A");
  CHECK(v && strcmp(v, "1") == 0, "EDGE_A");
  v = getenv("EDGE_EMPTY");
  CHECK(v && *v == 0, "an empty value is set, not absent");
  v = getenv("EDGE_EQ");
  CHECK(v && strcmp(v, "a=b") == 0, "value with '=': %s", v ? v : "(null)");
  CHECK(getenv("EDGE_MISSING") == NULL, "absent name");
  CHECK(getenv("") == NULL, "empty name");
  CHECK(getenv("EDGE_A=1") == NULL, "name with '='");
  CHECK(in_environ("EDGE_A=1") && in_environ("EDGE_EMPTY="), "environ has the entries");

  EXPECT_ERR(setenv("", "x", 1), EINVAL);
  EXPECT_ERR(setenv("A=B", "x", 1), EINVAL);
  EXPECT_ERR(setenv(NULL, "x", 1), EINVAL);
  EXPECT_ERR(unsetenv(""), EINVAL);
  EXPECT_ERR(unsetenv("A=B"), EINVAL);
  EXPECT_ERR(unsetenv(NULL), EINVAL);
  errno = 0;
  CHECK(unsetenv("EDGE_MISSING") == 0 && errno == 0, "unsetenv of an absent name");
  CHECK(setenv("EDGE_A", "2", 0) == 0 && strcmp(getenv("EDGE_A"), "1") == 0, "overwrite=0 keeps the value");
  CHECK(setenv("EDGE_A", "2", 1) == 0 && strcmp(getenv("EDGE_A"), "2") == 0, "overwrite=1 replaces");
  CHECK(in_environ("EDGE_A=2") && !in_environ("EDGE_A=1"), "environ follows setenv");
  CHECK(setenv("EDGE_NEW", "", 1) == 0 && getenv("EDGE_NEW") && !*getenv("EDGE_NEW"), "set an empty value");
  CHECK(unsetenv("EDGE_A") == 0 && getenv("EDGE_A") == NULL && !in_environ("EDGE_A=2"), "unsetenv removes");
  static char pe[] = "EDGE_PUT=p";
  CHECK(putenv(pe) == 0 && strcmp(getenv("EDGE_PUT"), "p") == 0, "putenv");
  pe[9] = 'q'; // putenv keeps the caller's string itself
  CHECK(strcmp(getenv("EDGE_PUT"), "q") == 0, "putenv string is live");
  CHECK(clearenv() == 0 && getenv("EDGE_EMPTY") == NULL && (environ == NULL || environ[0] == NULL), "clearenv");
  CHECK(setenv("AFTER", "x", 1) == 0 && strcmp(getenv("AFTER"), "x") == 0, "setenv after clearenv");
  printf("%s\n", failures ? "SOME FAILED" : "all ok");
  return failures != 0;
}
