// The common /etc/services entries (no files to read in a component) and
// getservbyname/getservbyport over them.
#include <netdb.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include "wasip2_net.h"

struct __wasip2_service { const char *name; unsigned short port; unsigned char tcp, udp; };

static const struct __wasip2_service __wasip2_services[] = {
  {"echo", 7, 1, 1}, {"discard", 9, 1, 1}, {"daytime", 13, 1, 1}, {"ftp-data", 20, 1, 0},
  {"ftp", 21, 1, 0}, {"ssh", 22, 1, 0}, {"telnet", 23, 1, 0}, {"smtp", 25, 1, 0},
  {"time", 37, 1, 1}, {"domain", 53, 1, 1}, {"tftp", 69, 0, 1}, {"gopher", 70, 1, 0},
  {"finger", 79, 1, 0}, {"http", 80, 1, 1}, {"www", 80, 1, 1}, {"kerberos", 88, 1, 1},
  {"pop3", 110, 1, 0}, {"sunrpc", 111, 1, 1}, {"auth", 113, 1, 0}, {"nntp", 119, 1, 0},
  {"ntp", 123, 1, 1}, {"netbios-ns", 137, 1, 1}, {"imap", 143, 1, 0}, {"imap2", 143, 1, 0},
  {"snmp", 161, 1, 1}, {"ldap", 389, 1, 1}, {"https", 443, 1, 1}, {"microsoft-ds", 445, 1, 0},
  {"syslog", 514, 0, 1}, {"submission", 587, 1, 0}, {"ldaps", 636, 1, 1}, {"rsync", 873, 1, 0},
  {"imaps", 993, 1, 0}, {"pop3s", 995, 1, 0}, {"socks", 1080, 1, 0}, {"mysql", 3306, 1, 0},
  {"postgresql", 5432, 1, 0}, {"redis", 6379, 1, 0}, {"http-alt", 8080, 1, 0}, {0, 0, 0, 0},
};

// port in host order, or -1
int __wasip2_service_port(const char *name, int socktype) {
  for (const struct __wasip2_service *s = __wasip2_services; s->name; s++) {
    if (strcmp(s->name, name)) continue;
    if (socktype == SOCK_STREAM && !s->tcp) continue;
    if (socktype == SOCK_DGRAM && !s->udp) continue;
    return s->port;
  }
  return -1;
}

static struct servent se;
static char *no_aliases[1];

struct servent *getservbyname(const char *name, const char *proto) {
  int type = !proto ? 0 : !strcmp(proto, "tcp") ? SOCK_STREAM : !strcmp(proto, "udp") ? SOCK_DGRAM : -1;
  if (!name || type < 0) return NULL;
  for (const struct __wasip2_service *s = __wasip2_services; s->name; s++) {
    if (strcmp(s->name, name)) continue;
    if ((type == SOCK_STREAM && !s->tcp) || (type == SOCK_DGRAM && !s->udp)) continue;
    se.s_name = (char *)s->name;
    se.s_aliases = no_aliases;
    se.s_port = htons(s->port);
    se.s_proto = (char *)(type == SOCK_DGRAM || (!type && !s->tcp) ? "udp" : "tcp");
    return &se;
  }
  return NULL;
}

struct servent *getservbyport(int port, const char *proto) {
  int type = !proto ? 0 : !strcmp(proto, "tcp") ? SOCK_STREAM : !strcmp(proto, "udp") ? SOCK_DGRAM : -1;
  if (type < 0) return NULL;
  for (const struct __wasip2_service *s = __wasip2_services; s->name; s++) {
    if (htons(s->port) != port) continue;
    if ((type == SOCK_STREAM && !s->tcp) || (type == SOCK_DGRAM && !s->udp)) continue;
    se.s_name = (char *)s->name;
    se.s_aliases = no_aliases;
    se.s_port = port;
    se.s_proto = (char *)(type == SOCK_DGRAM || (!type && !s->tcp) ? "udp" : "tcp");
    return &se;
  }
  return NULL;
}
