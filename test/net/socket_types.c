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

#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s (errno %d %s)\n", __LINE__, #c, errno, strerror(errno)); return 1; } } while (0)
#define FAILS(call, e) do { errno = 0; CHECK((call) == -1 && errno == (e)); } while (0)

int main(void) {
  const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_RDM, SOCK_SEQPACKET };
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < i; j++) CHECK(types[i] != types[j]);
  CHECK((SOCK_RDM & (SOCK_NONBLOCK | SOCK_CLOEXEC)) == 0);
  const int fams[] = { AF_INET, AF_INET6 };
  for (int f = 0; f < 2; f++) {
    FAILS(socket(fams[f], SOCK_RAW, 0), EPROTONOSUPPORT);
    FAILS(socket(fams[f], SOCK_RDM, 0), ESOCKTNOSUPPORT);
    FAILS(socket(fams[f], SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
    FAILS(socket(fams[f], SOCK_RDM | SOCK_NONBLOCK, 0), ESOCKTNOSUPPORT);
    FAILS(socket(fams[f], 100, 0), EINVAL);
  }
  printf("ESOCKTNOSUPPORT: %s\n", strerror(ESOCKTNOSUPPORT));
  CHECK(strcmp(strerror(ESOCKTNOSUPPORT), "Socket type not supported") == 0);
  puts("socket types ok");
  return 0;
}
