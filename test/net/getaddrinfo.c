// getaddrinfo("localhost","http"), numeric hosts and services, flags and
// filters, getnameinfo, gethostbyname, inet_addr/inet_ntoa, if_nametoindex.
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

int main(void) {
  struct addrinfo h = {0}, *r, *ai;
  h.ai_socktype = SOCK_STREAM;
  REQUIRE(getaddrinfo("localhost", "http", &h, &r) == 0);
  int v4 = 0, v6 = 0;
  for (ai = r; ai; ai = ai->ai_next) {
    if (ai->ai_family == AF_INET) { v4++; REQUIRE(ntohs(((struct sockaddr_in *)ai->ai_addr)->sin_port) == 80); }
    if (ai->ai_family == AF_INET6) v6++;
    REQUIRE(ai->ai_socktype == SOCK_STREAM);
  }
  REQUIRE(v4 == 1 && v6 == 1);
  freeaddrinfo(r);
  h.ai_family = AF_INET;
  h.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  REQUIRE(getaddrinfo("127.1.2.3", "8080", &h, &r) == 0 && r->ai_addrlen == sizeof(struct sockaddr_in) && !r->ai_next);
  freeaddrinfo(r);
  REQUIRE(getaddrinfo("example.invalid", "80", &h, &r) == EAI_NONAME);
  REQUIRE(getaddrinfo("127.0.0.1", "nosuchservice", NULL, &r) == EAI_SERVICE);
  REQUIRE(getaddrinfo("::1", "80", &h, &r) == EAI_NONAME); // family filter
  h.ai_flags = AI_PASSIVE; h.ai_family = AF_UNSPEC;
  REQUIRE(getaddrinfo(NULL, "443", &h, &r) == 0);
  freeaddrinfo(r);
  REQUIRE(strlen(gai_strerror(EAI_NONAME)) > 0);
  struct sockaddr_in sa = {0};
  sa.sin_family = AF_INET; sa.sin_port = htons(22); sa.sin_addr.s_addr = inet_addr("127.0.2.7");
  char host[64], serv[32];
  REQUIRE(getnameinfo((struct sockaddr *)&sa, sizeof sa, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST) == 0);
  REQUIRE(!strcmp(host, "127.0.2.7") && !strcmp(serv, "ssh"));
  REQUIRE(!strcmp(inet_ntoa(sa.sin_addr), "127.0.2.7"));
  struct hostent *he = gethostbyname("localhost");
  REQUIRE(he && he->h_addrtype == AF_INET && ((unsigned char *)he->h_addr)[0] == 127);
  REQUIRE(if_nametoindex("eth0") == 0 && errno == ENODEV); // only "lo" exists (glibc's errno)
  printf("ok\n");
  return CHECK_DONE();
}
