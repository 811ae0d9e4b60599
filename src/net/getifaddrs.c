// getifaddrs: WASI 0.2 names no interfaces, but every host has the loopback
// one our sockets reach (127.0.0.1 and ::1): the list is "lo" with those two
// addresses and their netmasks, flagged up, running, loopback, lower-up, as Linux
// lists it (without Linux's AF_PACKET entry: there are no packet sockets).
// One allocation per entry; freeifaddrs frees the chain.
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  struct ifaddrs ifa;
  struct sockaddr_storage addr, mask;
  char name[IF_NAMESIZE];
};

static struct entry *lo_entry(int family) {
  struct entry *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  strcpy(e->name, "lo");
  e->ifa.ifa_name = e->name;
  e->ifa.ifa_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING | IFF_LOWER_UP;  // Linux: 0x10049
  e->ifa.ifa_addr = (struct sockaddr *)&e->addr;
  e->ifa.ifa_netmask = (struct sockaddr *)&e->mask;
  if (family == AF_INET) {
    struct sockaddr_in *a = (struct sockaddr_in *)&e->addr, *m = (struct sockaddr_in *)&e->mask;
    a->sin_family = m->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    m->sin_addr.s_addr = htonl(0xff000000u);
  } else {
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)&e->addr, *m = (struct sockaddr_in6 *)&e->mask;
    a->sin6_family = m->sin6_family = AF_INET6;
    a->sin6_addr.s6_addr[15] = 1;
    memset(m->sin6_addr.s6_addr, 0xff, 16);
  }
  return e;
}

int getifaddrs(struct ifaddrs **out) {
  if (!out) {
    errno = EFAULT;
    return -1;
  }
  struct entry *v4 = lo_entry(AF_INET), *v6 = lo_entry(AF_INET6);
  if (!v4 || !v6) {
    free(v4);
    free(v6);
    errno = ENOMEM;
    return -1;
  }
  v4->ifa.ifa_next = &v6->ifa;
  *out = &v4->ifa;
  return 0;
}

void freeifaddrs(struct ifaddrs *ifa) {
  while (ifa) {
    struct ifaddrs *next = ifa->ifa_next;
    free(ifa);  // the ifaddrs is the first member of its entry
    ifa = next;
  }
}
