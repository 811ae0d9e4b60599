// getentropy(256) works and is not constant; 257 is rejected with EIO as
// POSIX says; getrandom and arc4random work; getrandom rejects unknown
// flags with EINVAL as Linux does.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include "check.h"
int main(void) {
  unsigned char a[256], b[256];
  memset(a, 0, sizeof a); memset(b, 0, sizeof b);
  REQUIRE(getentropy(a, 256) == 0 && getentropy(b, 256) == 0);
  CHECK(memcmp(a, b, 256) != 0, "constant");
  int distinct = 0;
  for (int i = 1; i < 256; i++) distinct += a[i] != a[0];
  CHECK(distinct >= 200, "looks constant");
  CHECK_ERRNO(getentropy(a, 257), EIO);
  char big[4096];
  CHECK_EQ(getrandom(big, sizeof big, 0), sizeof big);
  CHECK_ERRNO(getrandom(big, 8, 0x1234), EINVAL);
  CHECK_EQ(getrandom(big, 8, GRND_NONBLOCK), 8);
  unsigned x = arc4random(), y = arc4random();
  CHECK(x != y || arc4random() != x, "arc4random");
  return CHECK_DONE();
}
