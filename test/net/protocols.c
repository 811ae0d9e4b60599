// getprotobyname/getprotobynumber (src/net/protocols.c) link and answer from
// the built-in /etc/protocols table; unknown names and numbers are NULL.
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct protoent *p = getprotobyname("tcp");
  CHECK(p && p->p_proto == 6 && !strcmp(p->p_name, "tcp"));
  CHECK(p && p->p_aliases && p->p_aliases[0] && !strcmp(p->p_aliases[0], "TCP") && !p->p_aliases[1]);
  p = getprotobyname("UDP");
  CHECK(p && p->p_proto == 17 && !strcmp(p->p_name, "udp"));
  p = getprotobyname("icmp");
  CHECK(p && p->p_proto == 1);
  p = getprotobynumber(41);
  CHECK(p && !strcmp(p->p_name, "ipv6"));
  p = getprotobynumber(0);
  CHECK(p && !strcmp(p->p_name, "ip"));
  CHECK(getprotobyname("nosuchproto") == NULL);
  CHECK(getprotobynumber(9999) == NULL);

  return CHECK_DONE();
}
