// getifaddrs lists the loopback interface "lo" with 127.0.0.1/8 and ::1/128,
// up, running and loopback, as Linux does (Linux adds an AF_PACKET entry and
// the machine's other interfaces; a sandbox has only what reaches lo).
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "check.h"
#ifndef IFF_LOWER_UP  /* glibc has it only in <linux/if.h> */
#define IFF_LOWER_UP 0x10000
#endif


int main(void) {
  struct ifaddrs *list = NULL;
  REQUIRE(getifaddrs(&list) == 0 && list);
  int v4 = 0, v6 = 0;
  for (struct ifaddrs *i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || strcmp(i->ifa_name, "lo")) continue;
    char a[64] = "", m[64] = "";
    if (i->ifa_addr->sa_family == AF_INET) {
      inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, a, sizeof a);
      inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_netmask)->sin_addr, m, sizeof m);
      if (!strcmp(a, "127.0.0.1") && !strcmp(m, "255.0.0.0")) v4 = 1;
    } else if (i->ifa_addr->sa_family == AF_INET6) {
      inet_ntop(AF_INET6, &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr, a, sizeof a);
      inet_ntop(AF_INET6, &((struct sockaddr_in6 *)i->ifa_netmask)->sin6_addr, m, sizeof m);
      if (!strcmp(a, "::1") && !strcmp(m, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")) v6 = 1;
    } else continue;
    printf("%s %s/%s flags %#x\n", i->ifa_name, a, m, i->ifa_flags);
    REQUIRE(i->ifa_flags == (IFF_UP | IFF_LOOPBACK | IFF_RUNNING | IFF_LOWER_UP));
  }
  freeifaddrs(list);
  REQUIRE(v4 && v6);
  puts("getifaddrs ok");
  return CHECK_DONE();
}
