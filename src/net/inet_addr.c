// inet_addr/inet_ntoa (the top half has inet_aton/pton/ntop).
#include <arpa/inet.h>
#include <stdio.h>

in_addr_t inet_addr(const char *p) {
  struct in_addr a;
  if (!inet_aton(p, &a)) return INADDR_NONE;
  return a.s_addr;
}

char *inet_ntoa(struct in_addr in) {
  static char buf[16];
  unsigned char *b = (unsigned char *)&in;
  snprintf(buf, sizeof buf, "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
  return buf;
}
