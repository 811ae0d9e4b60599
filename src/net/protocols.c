// getprotobyname(3), getprotobynumber: the /etc/protocols entries a socket
// program asks for (a component has no /etc to read), names and numbers as
// in Debian's netbase file.  <netdb.h> declared both but nothing defined
// them, so any program calling them failed to link.  Names compare as
// glibc does, exact, aliases included ("IP", "TCP" ...).
#include <netdb.h>
#include <string.h>

struct proto_entry {
  const char *name;
  const char *alias;  // upper-case alias from /etc/protocols
  int number;
};

static const struct proto_entry protocols[] = {
  {"ip", "IP", 0},        {"icmp", "ICMP", 1},       {"igmp", "IGMP", 2},
  {"tcp", "TCP", 6},      {"udp", "UDP", 17},        {"ipv6", "IPv6", 41},
  {"ipv6-route", "IPv6-Route", 43}, {"ipv6-frag", "IPv6-Frag", 44},
  {"gre", "GRE", 47},     {"esp", "IPSEC-ESP", 50},  {"ah", "IPSEC-AH", 51},
  {"ipv6-icmp", "IPv6-ICMP", 58}, {"ipv6-nonxt", "IPv6-NoNxt", 59},
  {"ipv6-opts", "IPv6-Opts", 60}, {"sctp", "SCTP", 132}, {"udplite", "UDPLite", 136},
  {"raw", "RAW", 255},    {0, 0, 0},
};

static struct protoent result;
static char *aliases[2];

static struct protoent *fill(const struct proto_entry *p) {
  aliases[0] = (char *)p->alias;
  aliases[1] = NULL;
  result.p_name = (char *)p->name;
  result.p_aliases = aliases;
  result.p_proto = p->number;
  return &result;
}

struct protoent *getprotobyname(const char *name) {
  if (!name) return NULL;
  for (const struct proto_entry *p = protocols; p->name; p++)
    if (!strcmp(p->name, name) || !strcmp(p->alias, name)) return fill(p);
  return NULL;
}

struct protoent *getprotobynumber(int number) {
  for (const struct proto_entry *p = protocols; p->name; p++)
    if (p->number == number) return fill(p);
  return NULL;
}
