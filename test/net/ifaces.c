// Interfaces: if_nameindex() lists the loopback interface "lo" with index
// 1, as Linux always does; if_nametoindex("lo") is 1 and if_indextoname(1)
// "lo"; unknown names are 0 with ENODEV, unknown indexes NULL with ENXIO
// (glibc's errno); getifaddrs reports lo up with 127.0.0.1/8 and ::1/128,
// and those addresses are really reachable.
// oracle: linux (test/tools/linux_oracle.test.mjs builds this with gcc too
// and compares the output; run it in a network namespace with only lo up)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

int main(void) {
  struct if_nameindex *ni = if_nameindex();
  OK(ni != NULL);
  int lo = 0, n = 0;
  for (struct if_nameindex *p = ni; p && p->if_index; p++, n++)
    if (strcmp(p->if_name, "lo") == 0) lo = p->if_index;
  OK(n >= 1 && lo == 1);
  if_freenameindex(ni);
  OK(if_nametoindex("lo") == 1);
  char buf[IF_NAMESIZE];
  memset(buf, 'x', sizeof buf);
  OK(if_indextoname(1, buf) == buf && strcmp(buf, "lo") == 0);
  errno = 0; OK(if_nametoindex("nosuchif0") == 0 && errno == ENODEV);
  errno = 0; OK(if_nametoindex("") == 0 && errno == ENODEV);
  errno = 0; OK(if_indextoname(0, buf) == NULL && errno == ENXIO);
  errno = 0; OK(if_indextoname(99999, buf) == NULL && errno == ENXIO);
  OK(IFF_UP == 1 && IFF_LOOPBACK == 8 && IFF_RUNNING == 0x40);

  struct ifaddrs *ifa = NULL;
  OK(getifaddrs(&ifa) == 0 && ifa != NULL);
  int v4 = 0, v6 = 0;
  for (struct ifaddrs *p = ifa; p; p = p->ifa_next) {
    if (strcmp(p->ifa_name, "lo") || !p->ifa_addr) continue;
    unsigned want = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
    if ((p->ifa_flags & want) != want) continue;
    if (p->ifa_addr->sa_family == AF_INET) {
      struct sockaddr_in *a = (struct sockaddr_in *)p->ifa_addr, *m = (struct sockaddr_in *)p->ifa_netmask;
      v4 += a->sin_addr.s_addr == htonl(INADDR_LOOPBACK) && m && m->sin_addr.s_addr == htonl(0xff000000);
    } else if (p->ifa_addr->sa_family == AF_INET6) {
      struct sockaddr_in6 *a = (struct sockaddr_in6 *)p->ifa_addr, *m = (struct sockaddr_in6 *)p->ifa_netmask;
      static const unsigned char all[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
      v6 += IN6_IS_ADDR_LOOPBACK(&a->sin6_addr) && m && !memcmp(&m->sin6_addr, all, 16);
    }
  }
  OK(v4 == 1 && v6 == 1);
  freeifaddrs(ifa);

  // the listed addresses work: a UDP datagram to each, from each
  const char *addrs[2] = { "127.0.0.1", "::1" };
  for (int i = 0; i < 2; i++) {
    int fam = i ? AF_INET6 : AF_INET;
    struct sockaddr_storage ss = {0};
    socklen_t sl = i ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    if (i) { ((struct sockaddr_in6 *)&ss)->sin6_family = AF_INET6; inet_pton(AF_INET6, addrs[i], &((struct sockaddr_in6 *)&ss)->sin6_addr); }
    else { ((struct sockaddr_in *)&ss)->sin_family = AF_INET; inet_pton(AF_INET, addrs[i], &((struct sockaddr_in *)&ss)->sin_addr); }
    int u = socket(fam, SOCK_DGRAM, 0);
    OK(u >= 0 && bind(u, (struct sockaddr *)&ss, sl) == 0 && getsockname(u, (struct sockaddr *)&ss, &sl) == 0);
    char b[4];
    OK(sendto(u, "lo!", 3, 0, (struct sockaddr *)&ss, sl) == 3 && recv(u, b, sizeof b, 0) == 3 && !memcmp(b, "lo!", 3));
    close(u);
  }
  return CHECK_DONE();
}
