// getifaddrs/freeifaddrs: the loopback interface "lo" (see
// if_nametoindex.c), with 127.0.0.1/8 and ::1/128, up and running -- the
// addresses every component can reach.  One allocation holds the list.
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

struct lo_entry {
  struct ifaddrs ifa;
  union { struct sockaddr_in v4; struct sockaddr_in6 v6; } addr, mask;
};

int getifaddrs(struct ifaddrs **out) {
  if (!out) { errno = EFAULT; return -1; }
  struct lo_entry *e = calloc(1, 2 * sizeof *e + 3);
  if (!e) { errno = ENOMEM; return -1; }
  char *name = (char *)(e + 2);
  memcpy(name, "lo", 3);
  for (int i = 0; i < 2; i++) {
    e[i].ifa.ifa_next = i == 0 ? &e[1].ifa : NULL;
    e[i].ifa.ifa_name = name;
    e[i].ifa.ifa_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
    e[i].ifa.ifa_addr = (struct sockaddr *)&e[i].addr;
    e[i].ifa.ifa_netmask = (struct sockaddr *)&e[i].mask;
  }
  e[0].addr.v4.sin_family = e[0].mask.v4.sin_family = AF_INET;
  e[0].addr.v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  e[0].mask.v4.sin_addr.s_addr = htonl(0xff000000);
  e[1].addr.v6.sin6_family = e[1].mask.v6.sin6_family = AF_INET6;
  e[1].addr.v6.sin6_addr = in6addr_loopback;
  memset(&e[1].mask.v6.sin6_addr, 0xff, sizeof e[1].mask.v6.sin6_addr);
  *out = &e[0].ifa;
  return 0;
}

void freeifaddrs(struct ifaddrs *p) {
  free(p); // the first entry starts the one allocation
}
