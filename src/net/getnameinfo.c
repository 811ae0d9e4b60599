// getnameinfo.  WASI 0.2 has no reverse lookup: numeric host strings are
// returned (NI_NAMEREQD then fails with EAI_NONAME), except loopback, which
// is "localhost" as in every /etc/hosts.  Services come from the built-in table.
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

int getnameinfo(const struct sockaddr *__restrict sa, socklen_t sl, char *__restrict host, socklen_t hl,
                char *__restrict serv, socklen_t svl, int flags) {
  if (!sa) return EAI_FAIL;
  char buf[INET6_ADDRSTRLEN + 16];
  const void *addr;
  int port, loop;
  if (sa->sa_family == AF_INET) {
    if (sl < (socklen_t)sizeof(struct sockaddr_in)) return EAI_FAMILY;
    const struct sockaddr_in *in = (const void *)sa;
    addr = &in->sin_addr;
    port = ntohs(in->sin_port);
    loop = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
  } else if (sa->sa_family == AF_INET6) {
    if (sl < (socklen_t)sizeof(struct sockaddr_in6)) return EAI_FAMILY;
    const struct sockaddr_in6 *in6 = (const void *)sa;
    static const unsigned char lb[16] = {0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1};
    addr = &in6->sin6_addr;
    port = ntohs(in6->sin6_port);
    loop = !memcmp(&in6->sin6_addr, lb, 16);
  } else {
    return EAI_FAMILY;
  }
  if (host && hl) {
    if (loop && !(flags & NI_NUMERICHOST)) {
      strcpy(buf, "localhost");
    } else {
      if (flags & NI_NAMEREQD) return EAI_NONAME;
      inet_ntop(sa->sa_family, addr, buf, sizeof buf);
    }
    if (strlen(buf) >= hl) return EAI_OVERFLOW;
    strcpy(host, buf);
  }
  if (serv && svl) {
    struct servent *se = (flags & NI_NUMERICSERV) ? NULL : getservbyport(htons(port), flags & NI_DGRAM ? "udp" : "tcp");
    if (se) snprintf(buf, sizeof buf, "%s", se->s_name);
    else snprintf(buf, sizeof buf, "%d", port);
    if (strlen(buf) >= svl) return EAI_OVERFLOW;
    strcpy(serv, buf);
  }
  return 0;
}
