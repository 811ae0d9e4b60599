// BSD functions BSD-derived ports need (netcat-openbsd): strtonum and
// readpassphrase (<bsd/stdlib.h>, <readpassphrase.h>, src/bsd/), b64_ntop/
// b64_pton and the resolver calls of <resolv.h> (src/net/b64.c,
// src/net/res_query.c: no DNS messages in WASI, honest failure).
//! stdin: secret\nmore\n
//! stdout-contains: all checks passed
#include <bsd/stdlib.h>
#include <bsd/string.h>
#include <bsd/readpassphrase.h>
#include <errno.h>
#include <netdb.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

int main(void) {
  const char *e = "x";
  CHECK(strtonum("8080", 1, 65535, &e) == 8080 && e == NULL);
  errno = 0;
  CHECK(strtonum("http", 1, 65535, &e) == 0 && e && !strcmp(e, "invalid") && errno == EINVAL);
  CHECK(strtonum("0", 1, 65535, &e) == 0 && !strcmp(e, "too small") && errno == ERANGE);
  CHECK(strtonum("70000", 1, 65535, &e) == 0 && !strcmp(e, "too large") && errno == ERANGE);
  CHECK(strtonum("5", 10, 1, &e) == 0 && !strcmp(e, "invalid"));
  CHECK(strtonum("12x", 0, 100, &e) == 0 && !strcmp(e, "invalid"));
  CHECK(strtonum("-5", -10, 10, &e) == -5 && e == NULL);

  char pw[5];
  // stdin is a pipe: requiring a tty fails, as on OpenBSD without one
  errno = 0;
  CHECK(readpassphrase("pw: ", pw, sizeof pw, RPP_REQUIRE_TTY) == NULL && errno == ENOTTY);
  // RPP_STDIN reads one line; excess is dropped, the next line stays
  CHECK(readpassphrase("", pw, sizeof pw, RPP_STDIN | RPP_FORCEUPPER) == pw && !strcmp(pw, "SECR"));
  char pw2[16];
  CHECK(readpassphrase("", pw2, sizeof pw2, RPP_STDIN) == pw2 && !strcmp(pw2, "more"));

  char b[64];
  CHECK(b64_ntop((const unsigned char *)"user:pass", 9, b, sizeof b) == 12 && !strcmp(b, "dXNlcjpwYXNz"));
  CHECK(b64_ntop((const unsigned char *)"ab", 2, b, sizeof b) == 4 && !strcmp(b, "YWI="));
  CHECK(b64_ntop((const unsigned char *)"a", 1, b, sizeof b) == 4 && !strcmp(b, "YQ=="));
  CHECK(b64_ntop((const unsigned char *)"abc", 3, b, 4) == -1);  // no room for the NUL
  unsigned char d[64];
  CHECK(b64_pton("dXNl cjpw\nYXNz", d, sizeof d) == 9 && !memcmp(d, "user:pass", 9));
  CHECK(b64_pton("YWI=", d, sizeof d) == 2 && !memcmp(d, "ab", 2));
  CHECK(b64_pton("YQ==", d, sizeof d) == 1 && d[0] == 'a');
  CHECK(b64_pton("Y!==", d, sizeof d) == -1);
  CHECK(b64_pton("YWJj", d, 2) == -1);

  unsigned char ans[512];
  CHECK(res_init() == 0);
  errno = 0;
  CHECK(res_query("example.org", 1, 1, ans, sizeof ans) == -1 && h_errno == NO_RECOVERY && errno == ENOSYS);
  CHECK(res_search("example.org", 1, 1, ans, sizeof ans) == -1);

  char dst[4];
  CHECK(strlcpy(dst, "abcdef", sizeof dst) == 6 && !strcmp(dst, "abc"));
  CHECK(arc4random_uniform(10) < 10);
  printf(check_failures ? "%d failures\n" : "all checks passed\n", check_failures);
  return CHECK_DONE();
}
