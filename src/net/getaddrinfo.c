// getaddrinfo/freeaddrinfo/gai_strerror.  Numeric hosts and "localhost"
// are answered without the host; other names go to ip-name-lookup.  Each
// result is one malloc block (addrinfo + sockaddr + canonical name), so
// freeaddrinfo just walks and frees.
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_net.h"

struct ai_block {
  struct addrinfo ai;
  union { struct sockaddr_in in; struct sockaddr_in6 in6; } sa;
  char name[];
};

static int add(struct addrinfo ***tail, int family, const void *addr, int port, int socktype,
               int flags, const char *canon) {
  static const int types[2] = {SOCK_STREAM, SOCK_DGRAM};
  for (int t = 0; t < 2; t++) {
    if (socktype && socktype != types[t]) continue;
    size_t cl = canon && (flags & AI_CANONNAME) ? strlen(canon) + 1 : 0;
    struct ai_block *b = calloc(1, sizeof *b + cl);
    if (!b) return EAI_MEMORY;
    b->ai.ai_family = family;
    b->ai.ai_socktype = types[t];
    b->ai.ai_protocol = types[t] == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
    b->ai.ai_addr = (struct sockaddr *)&b->sa;
    if (family == AF_INET) {
      b->sa.in.sin_family = AF_INET;
      b->sa.in.sin_port = htons(port);
      memcpy(&b->sa.in.sin_addr, addr, 4);
      b->ai.ai_addrlen = sizeof b->sa.in;
    } else {
      b->sa.in6.sin6_family = AF_INET6;
      b->sa.in6.sin6_port = htons(port);
      memcpy(&b->sa.in6.sin6_addr, addr, 16);
      b->ai.ai_addrlen = sizeof b->sa.in6;
    }
    if (cl) { memcpy(b->name, canon, cl); b->ai.ai_canonname = b->name; canon = NULL; }
    **tail = &b->ai;
    *tail = &b->ai.ai_next;
  }
  return 0;
}

void freeaddrinfo(struct addrinfo *ai) {
  while (ai) {
    struct addrinfo *n = ai->ai_next;
    free(ai);
    ai = n;
  }
}

int getaddrinfo(const char *__restrict host, const char *__restrict serv,
                const struct addrinfo *__restrict hints, struct addrinfo **__restrict res) {
  int flags = 0, family = AF_UNSPEC, socktype = 0, proto = 0;
  if (!res) return EAI_FAIL;
  *res = NULL;
  if (hints) {
    flags = hints->ai_flags;
    family = hints->ai_family;
    socktype = hints->ai_socktype;
    proto = hints->ai_protocol;
    if (flags & ~(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV))
      return EAI_BADFLAGS;
  }
  if (!host && !serv) return EAI_NONAME;
  // no node, no canonical name to give (glibc, getaddrinfo(3))
  if (!host && (flags & AI_CANONNAME)) return EAI_BADFLAGS;
  if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) return EAI_FAMILY;
  if (socktype && socktype != SOCK_STREAM && socktype != SOCK_DGRAM) return EAI_SOCKTYPE;
  if (proto && !(proto == IPPROTO_TCP && socktype != SOCK_DGRAM) && !(proto == IPPROTO_UDP && socktype != SOCK_STREAM))
    return EAI_SOCKTYPE;
  if (!socktype && proto) socktype = proto == IPPROTO_TCP ? SOCK_STREAM : SOCK_DGRAM;

  int port = 0;
  if (serv && *serv) {
    char *end;
    unsigned long v = strtoul(serv, &end, 10);
    if (!*end && isdigit((unsigned char)*serv)) {
      if (v > 65535) return EAI_SERVICE;
      port = (int)v;
    } else {
      if (flags & AI_NUMERICSERV) return EAI_NONAME;
      port = __wasip2_service_port(serv, socktype);
      if (port < 0) return EAI_SERVICE;
    }
  }

  struct addrinfo *head = NULL, **tail = &head;
  unsigned char a4[4], a6[16];
  int rc = 0;
  if (!host) {
    // wildcard for servers, loopback for clients; IPv6 first like glibc
    int passive = flags & AI_PASSIVE;
    memset(a6, 0, 16);
    if (!passive) a6[15] = 1;
    uint32_t v4 = htonl(passive ? INADDR_ANY : INADDR_LOOPBACK);
    if (family != AF_INET) rc = add(&tail, AF_INET6, a6, port, socktype, 0, NULL);
    if (!rc && family != AF_INET6) rc = add(&tail, AF_INET, &v4, port, socktype, 0, NULL);
  } else if (inet_pton(AF_INET, host, a4) == 1) {
    if (family == AF_INET6) return EAI_NONAME;
    rc = add(&tail, AF_INET, a4, port, socktype, flags, host);
  } else if (inet_pton(AF_INET6, host, a6) == 1) {
    if (family == AF_INET) return EAI_NONAME;
    rc = add(&tail, AF_INET6, a6, port, socktype, flags, host);
  } else if (flags & AI_NUMERICHOST) {
    return EAI_NONAME;
  } else if (!strcasecmp(host, "localhost") || !strcasecmp(host, "localhost.localdomain")) {
    // RFC 6761: localhost is always loopback; no resolver round trip
    memset(a6, 0, 16);
    a6[15] = 1;
    uint32_t v4 = htonl(INADDR_LOOPBACK);
    if (family != AF_INET) rc = add(&tail, AF_INET6, a6, port, socktype, flags, "localhost");
    if (!rc && family != AF_INET6) rc = add(&tail, AF_INET, &v4, port, socktype, head ? 0 : flags, "localhost");
  } else {
    wasi_sockets_network_ip_address_t addrs[32];
    int n = __wasip2_resolve(host, addrs, 32);
    if (n < 0) return n;
    int any = 0;
    for (int i = 0; i < n && !rc; i++) {
      if (addrs[i].tag == WASI_SOCKETS_NETWORK_IP_ADDRESS_IPV4) {
        if (family == AF_INET6) continue;
        a4[0] = addrs[i].val.ipv4.f0; a4[1] = addrs[i].val.ipv4.f1;
        a4[2] = addrs[i].val.ipv4.f2; a4[3] = addrs[i].val.ipv4.f3;
        rc = add(&tail, AF_INET, a4, port, socktype, any ? 0 : flags, host);
      } else {
        if (family == AF_INET) continue;
        const wasi_sockets_network_ipv6_address_t *w = &addrs[i].val.ipv6;
        uint16_t v[8] = {w->f0, w->f1, w->f2, w->f3, w->f4, w->f5, w->f6, w->f7};
        for (int k = 0; k < 8; k++) { a6[2 * k] = v[k] >> 8; a6[2 * k + 1] = v[k] & 0xff; }
        rc = add(&tail, AF_INET6, a6, port, socktype, any ? 0 : flags, host);
      }
      any = 1;
    }
    if (!rc && !head) rc = EAI_NONAME;
  }
  if (rc) { freeaddrinfo(head); return rc; }
  *res = head;
  return 0;
}

// glibc's texts: programs and test suites written on Linux compare them
// (hiredis reports gai_strerror as its error string and its tests match it).
const char *gai_strerror(int e) {
  switch (e) {
  case 0: return "Success";
  case EAI_BADFLAGS: return "Bad value for ai_flags";
  case EAI_NONAME: return "Name or service not known";
  case EAI_AGAIN: return "Temporary failure in name resolution";
  case EAI_FAIL: return "Non-recoverable failure in name resolution";
  case EAI_NODATA: return "No address associated with hostname";
  case EAI_FAMILY: return "ai_family not supported";
  case EAI_SOCKTYPE: return "ai_socktype not supported";
  case EAI_SERVICE: return "Servname not supported for ai_socktype";
  case EAI_MEMORY: return "Memory allocation failure";
  case EAI_SYSTEM: return "System error";
  case EAI_OVERFLOW: return "Argument buffer overflow";
  default: return "Unknown error";
  }
}
