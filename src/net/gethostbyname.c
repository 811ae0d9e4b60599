// gethostbyname/gethostbyname2/gethostbyaddr and h_errno, on getaddrinfo.
// Results live in one static buffer, as POSIX allows.
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

int h_errno;

static struct hostent he;
static char hname[256];
static char *aliases[1];
static char *addrs[17];
static unsigned char abuf[16][16];

struct hostent *gethostbyname2(const char *name, int af) {
  if (!name || (af != AF_INET && af != AF_INET6)) { h_errno = NO_RECOVERY; return NULL; }
  struct addrinfo hints = {0}, *res, *ai;
  hints.ai_family = af;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_CANONNAME;
  int rc = getaddrinfo(name, NULL, &hints, &res);
  if (rc) { h_errno = rc == EAI_AGAIN ? TRY_AGAIN : HOST_NOT_FOUND; return NULL; }
  int n = 0;
  for (ai = res; ai && n < 16; ai = ai->ai_next) {
    if (af == AF_INET) memcpy(abuf[n], &((struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
    else memcpy(abuf[n], &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, 16);
    addrs[n] = (char *)abuf[n];
    n++;
  }
  addrs[n] = NULL;
  snprintf(hname, sizeof hname, "%s", res->ai_canonname ? res->ai_canonname : name);
  freeaddrinfo(res);
  he.h_name = hname;
  he.h_aliases = aliases;
  he.h_addrtype = af;
  he.h_length = af == AF_INET ? 4 : 16;
  he.h_addr_list = addrs;
  return &he;
}

struct hostent *gethostbyname(const char *name) {
  return gethostbyname2(name, AF_INET);
}

struct hostent *gethostbyaddr(const void *a, socklen_t len, int af) {
  if (!a || (af == AF_INET && len != 4) || (af == AF_INET6 && len != 16) || (af != AF_INET && af != AF_INET6)) {
    h_errno = NO_RECOVERY;
    return NULL;
  }
  union { struct sockaddr_in in; struct sockaddr_in6 in6; } sa;
  memset(&sa, 0, sizeof sa);
  if (af == AF_INET) { sa.in.sin_family = AF_INET; memcpy(&sa.in.sin_addr, a, 4); }
  else { sa.in6.sin6_family = AF_INET6; memcpy(&sa.in6.sin6_addr, a, 16); }
  if (getnameinfo((struct sockaddr *)&sa, af == AF_INET ? sizeof sa.in : sizeof sa.in6, hname, sizeof hname, NULL, 0, 0)) {
    h_errno = HOST_NOT_FOUND;
    return NULL;
  }
  memcpy(abuf[0], a, len);
  addrs[0] = (char *)abuf[0];
  addrs[1] = NULL;
  he.h_name = hname;
  he.h_aliases = aliases;
  he.h_addrtype = af;
  he.h_length = len;
  he.h_addr_list = addrs;
  return &he;
}

const char *hstrerror(int e) {
  switch (e) {
  case HOST_NOT_FOUND: return "Unknown host";
  case TRY_AGAIN: return "Host name lookup failure";
  case NO_RECOVERY: return "Unknown server error";
  case NO_DATA: return "No address associated with name";
  default: return "Unknown error";
  }
}

void herror(const char *s) {
  fprintf(stderr, "%s%s%s\n", s && *s ? s : "", s && *s ? ": " : "", hstrerror(h_errno));
}
