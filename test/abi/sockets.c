// Socket addresses at upstream's offsets (test/abi/upstream_wasip2.h):
// what our inet_pton, getaddrinfo and getnameinfo read and write, seen
// through raw bytes as an object built with upstream's headers lays them
// out.  No traffic: numeric lookups only.
#include <arpa/inet.h>
#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "check.h"

#define AT(buf, off, type) (*(const type *)((const char *)(buf) + (off)))

int main(void) {
  struct addrinfo hints, *res = NULL;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = 1;                  // upstream AF_INET
  hints.ai_socktype = 6;                // upstream SOCK_STREAM
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  REQUIRE(getaddrinfo("127.0.0.1", "8080", &hints, &res) == 0 && res);
  // sockaddr_in: family u16 at 0, port (network order) at 2, address at 4; 16 bytes
  REQUIRE(res->ai_addrlen == 16 && AT(res->ai_addr, 0, uint16_t) == 1);
  REQUIRE(AT(res->ai_addr, 2, uint16_t) == htons(8080) && AT(res->ai_addr, 4, uint32_t) == htonl(0x7f000001));
  freeaddrinfo(res);

  hints.ai_family = 2;                  // upstream AF_INET6
  REQUIRE(getaddrinfo("::1", "443", &hints, &res) == 0 && res);
  // sockaddr_in6: family at 0, port at 2, flowinfo at 4, address at 8, scope at 24; 32 bytes
  REQUIRE(res->ai_addrlen == 32 && AT(res->ai_addr, 0, uint16_t) == 2 && AT(res->ai_addr, 2, uint16_t) == htons(443));
  const unsigned char *a6 = (const unsigned char *)res->ai_addr + 8;
  REQUIRE(a6[15] == 1 && a6[0] == 0 && AT(res->ai_addr, 24, uint32_t) == 0);
  freeaddrinfo(res);

  // the other way: an address built by hand at upstream's offsets, read by getnameinfo
  _Alignas(16) unsigned char sa[16] = {0};
  *(uint16_t *)sa = 1;
  *(uint16_t *)(sa + 2) = htons(1234);
  REQUIRE(inet_pton(1, "127.1.2.3", sa + 4) == 1);
  char host[64], serv[16];
  REQUIRE(getnameinfo((struct sockaddr *)sa, 16, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0);
  printf("getnameinfo: %s port %s\n", host, serv);
  REQUIRE(strcmp(host, "127.1.2.3") == 0 && strcmp(serv, "1234") == 0);
  // sockaddr_storage holds either: 48 bytes, 16-aligned
  REQUIRE(sizeof(struct sockaddr_storage) == 48 && _Alignof(struct sockaddr_storage) == 16);
  puts("sockets ok");
  return CHECK_DONE();
}
