// getentropy(256) works and is not constant; 257 is rejected with EIO as
// POSIX says; getrandom and arc4random work; getrandom rejects unknown
// flags with EINVAL as Linux does.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
int main(void) {
  unsigned char a[256], b[256];
  memset(a, 0, sizeof a); memset(b, 0, sizeof b);
  if (getentropy(a, 256) != 0 || getentropy(b, 256) != 0) { printf("FAIL: getentropy\n"); return 1; }
  if (memcmp(a, b, 256) == 0) { printf("FAIL: constant\n"); return 1; }
  int distinct = 0;
  for (int i = 1; i < 256; i++) distinct += a[i] != a[0];
  if (distinct < 200) { printf("FAIL: looks constant\n"); return 1; }
  errno = 0;
  if (getentropy(a, 257) != -1 || errno != EIO) { printf("FAIL: 257 bytes errno %d\n", errno); return 1; }
  char big[4096];
  if (getrandom(big, sizeof big, 0) != (ssize_t)sizeof big) { printf("FAIL: getrandom\n"); return 1; }
  errno = 0;
  if (getrandom(big, 8, 0x1234) != -1 || errno != EINVAL) { printf("FAIL: getrandom bad flags errno %d\n", errno); return 1; }
  if (getrandom(big, 8, GRND_NONBLOCK) != 8) { printf("FAIL: getrandom GRND_NONBLOCK\n"); return 1; }
  unsigned x = arc4random(), y = arc4random();
  if (x == y && arc4random() == x) { printf("FAIL: arc4random\n"); return 1; }
  printf("ok: entropy\n");
  return 0;
}
