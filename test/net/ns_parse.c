// <arpa/nameser.h>'s parser and dn_expand on a DNS response built by hand
// (no traffic): header fields and flags, the question, an answer whose name
// is a compression pointer, skipping, bad records (ENODEV) and malformed
// messages (EMSGSIZE), a pointer loop.  Same results as glibc's -lresolv.
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

static const unsigned char msg[] = {
  0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0,           // id, flags (qr rd ra), qd 1, an 2
  7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, // example.com
  0, 1, 0, 1,                                               // A IN
  0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 93, 184, 216, 34, // -> example.com A IN 300 93.184.216.34
  3, 'w', 'w', 'w', 0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 2, 0xc0, 12, // www.example.com CNAME example.com
};

int main(void) {
  ns_msg h;
  REQUIRE(ns_initparse(msg, sizeof msg, &h) == 0);
  REQUIRE(ns_msg_id(h) == 0x1234 && ns_msg_count(h, ns_s_qd) == 1 && ns_msg_count(h, ns_s_an) == 2);
  REQUIRE(ns_msg_getflag(h, ns_f_qr) == 1 && ns_msg_getflag(h, ns_f_rd) == 1 && ns_msg_getflag(h, ns_f_ra) == 1);
  REQUIRE(ns_msg_getflag(h, ns_f_aa) == 0 && ns_msg_getflag(h, ns_f_rcode) == 0 && ns_msg_getflag(h, ns_f_opcode) == 0);
  ns_rr rr;
  REQUIRE(ns_parserr(&h, ns_s_qd, 0, &rr) == 0 && !strcmp(ns_rr_name(rr), "example.com") && ns_rr_type(rr) == ns_t_a);
  REQUIRE(ns_parserr(&h, ns_s_an, 1, &rr) == 0);  // skipping the first answer
  printf("an[1]: %s type %d ttl %lu\n", ns_rr_name(rr), ns_rr_type(rr), (unsigned long)ns_rr_ttl(rr));
  REQUIRE(!strcmp(ns_rr_name(rr), "www.example.com") && ns_rr_type(rr) == ns_t_cname && ns_rr_ttl(rr) == 60);
  char name[NS_MAXDNAME];
  REQUIRE(dn_expand(msg, msg + sizeof msg, ns_rr_rdata(rr), name, sizeof name) == 2 && !strcmp(name, "example.com"));
  REQUIRE(ns_parserr(&h, ns_s_an, 0, &rr) == 0 && ns_rr_rdlen(rr) == 4 && ns_rr_class(rr) == ns_c_in);
  char ip[16];
  REQUIRE(inet_ntop(AF_INET, ns_rr_rdata(rr), ip, sizeof ip) && !strcmp(ip, "93.184.216.34") && ns_rr_ttl(rr) == 300);
  REQUIRE(ns_get16(msg) == 0x1234 && ns_get32(msg) == 0x12348180ul);
  unsigned char b[4];
  ns_put16(0xbeef, b);
  ns_put32(0x01020304ul, b);
  REQUIRE(b[0] == 1 && b[3] == 4);
  errno = 0;
  REQUIRE(ns_parserr(&h, ns_s_an, 2, &rr) == -1 && errno == ENODEV);
  errno = 0;
  REQUIRE(ns_parserr(&h, ns_s_ns, 0, &rr) == -1 && errno == ENODEV);
  errno = 0;
  REQUIRE(ns_initparse(msg, sizeof msg - 3, &h) == -1 && errno == EMSGSIZE);  // truncated rdata
  errno = 0;
  REQUIRE(ns_initparse(msg, 5, &h) == -1 && errno == EMSGSIZE);
  REQUIRE(dn_skipname(msg + 12, msg + sizeof msg) == 13 && dn_skipname(msg + 29, msg + sizeof msg) == 2);
  // a pointer to itself never ends
  static const unsigned char loop[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 12 };
  REQUIRE(dn_expand(loop, loop + sizeof loop, loop + 12, name, sizeof name) == -1);
  // the root name
  static const unsigned char root[] = { 0 };
  REQUIRE(dn_expand(root, root + 1, root, name, sizeof name) == 1 && name[0] == 0);
  puts("ns_parse ok");
  return CHECK_DONE();
}
