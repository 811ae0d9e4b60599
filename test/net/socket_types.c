// The socket types WASI cannot make are named (SOCK_RAW, SOCK_RDM,
// SOCK_SEQPACKET, distinct from the others) and socket() with them fails
// with Linux's errno for an unprivileged AF_INET/AF_INET6 socket: raw is
// EPROTONOSUPPORT, reliable-datagram and sequenced-packet ESOCKTNOSUPPORT,
// a number that is no type EINVAL.  No host call is made for any of them.
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "check.h"

int main(void) {
  const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_RDM, SOCK_SEQPACKET };
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < i; j++) REQUIRE(types[i] != types[j]);
  REQUIRE((SOCK_RDM & (SOCK_NONBLOCK | SOCK_CLOEXEC)) == 0);
  const int fams[] = { AF_INET, AF_INET6 };
  for (int f = 0; f < 2; f++) {
    CHECK_ERRNO(socket(fams[f], SOCK_RAW, 0), EPROTONOSUPPORT);
    CHECK_ERRNO(socket(fams[f], SOCK_RDM, 0), ESOCKTNOSUPPORT);
    CHECK_ERRNO(socket(fams[f], SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
    CHECK_ERRNO(socket(fams[f], SOCK_RDM | SOCK_NONBLOCK, 0), ESOCKTNOSUPPORT);
    CHECK_ERRNO(socket(fams[f], 100, 0), EINVAL);
  }
  printf("ESOCKTNOSUPPORT: %s\n", strerror(ESOCKTNOSUPPORT));
  REQUIRE(strcmp(strerror(ESOCKTNOSUPPORT), "Socket type not supported") == 0);
  puts("socket types ok");
  return CHECK_DONE();
}
