// The <arpa/nameser.h> message parser (BIND's ns_* interface, as glibc and
// musl export it): read a DNS message a program got itself (our res_query
// cannot send one: src/net/res_query.c), section by section.  Malformed
// input is EMSGSIZE; a section or record that does not exist ENODEV.
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>

const struct _ns_flagdata _ns_flagdata[16] = {
  { 0x8000, 15 }, // qr
  { 0x7800, 11 }, // opcode
  { 0x0400, 10 }, // aa
  { 0x0200, 9 },  // tc
  { 0x0100, 8 },  // rd
  { 0x0080, 7 },  // ra
  { 0x0040, 6 },  // z
  { 0x0020, 5 },  // ad
  { 0x0010, 4 },  // cd
  { 0x000f, 0 },  // rcode
};

unsigned ns_get16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
unsigned long ns_get32(const unsigned char *p) {
  return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}
void ns_put16(unsigned v, unsigned char *p) { p[0] = (unsigned char)(v >> 8); p[1] = (unsigned char)v; }
void ns_put32(unsigned long v, unsigned char *p) {
  p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v;
}

static int bad(int e) {
  errno = e;
  return -1;
}

int ns_skiprr(const unsigned char *ptr, const unsigned char *eom, ns_sect section, int count) {
  const unsigned char *p = ptr;
  while (count-- > 0) {
    int r = dn_skipname(p, eom);
    if (r < 0 || eom - p < r + 4) return bad(EMSGSIZE);
    p += r + 4;  // type, class
    if (section != ns_s_qd) {
      if (eom - p < 6) return bad(EMSGSIZE);
      unsigned len = ns_get16(p + 4);
      p += 6;    // ttl, rdlength
      if ((unsigned)(eom - p) < len) return bad(EMSGSIZE);
      p += len;
    }
  }
  return (int)(p - ptr);
}

int ns_initparse(const unsigned char *msg, int len, ns_msg *h) {
  if (!msg || len < 12) return bad(EMSGSIZE);
  h->_msg = msg;
  h->_eom = msg + len;
  h->_id = (uint16_t)ns_get16(msg);
  h->_flags = (uint16_t)ns_get16(msg + 2);
  const unsigned char *p = msg + 12;
  for (int i = 0; i < ns_s_max; i++) h->_counts[i] = (uint16_t)ns_get16(msg + 4 + 2 * i);
  for (int i = 0; i < ns_s_max; i++) {
    h->_sections[i] = h->_counts[i] ? p : NULL;
    int r = ns_skiprr(p, h->_eom, (ns_sect)i, h->_counts[i]);
    if (r < 0) return -1;
    p += r;
  }
  if (p != h->_eom) return bad(EMSGSIZE);
  h->_sect = ns_s_max;
  h->_rrnum = -1;
  h->_msg_ptr = NULL;
  return 0;
}

int ns_name_uncompress(const unsigned char *msg, const unsigned char *eom, const unsigned char *src,
                       char *dst, size_t size) {
  int r = dn_expand(msg, eom, src, dst, size > 0x7fffffff ? 0x7fffffff : (int)size);
  return r < 0 ? bad(EMSGSIZE) : r;
}

int ns_parserr(ns_msg *h, ns_sect section, int rrnum, ns_rr *rr) {
  if ((int)section < 0 || section >= ns_s_max) return bad(ENODEV);
  if (section != h->_sect || rrnum < h->_rrnum) {
    h->_sect = section;
    h->_rrnum = 0;
    h->_msg_ptr = h->_sections[section];
  }
  if (rrnum == -1) rrnum = h->_rrnum;
  if (rrnum < 0 || rrnum >= h->_counts[section]) return bad(ENODEV);
  if (rrnum > h->_rrnum) {
    int r = ns_skiprr(h->_msg_ptr, h->_eom, section, rrnum - h->_rrnum);
    if (r < 0) return -1;
    h->_msg_ptr += r;
    h->_rrnum = rrnum;
  }
  const unsigned char *p = h->_msg_ptr, *eom = h->_eom;
  int r = ns_name_uncompress(h->_msg, eom, p, rr->name, NS_MAXDNAME);
  if (r < 0) return -1;
  p += r;
  if (eom - p < 4) return bad(EMSGSIZE);
  rr->type = (uint16_t)ns_get16(p);
  rr->rr_class = (uint16_t)ns_get16(p + 2);
  p += 4;
  if (section == ns_s_qd) {
    rr->ttl = 0;
    rr->rdlength = 0;
    rr->rdata = NULL;
  } else {
    if (eom - p < 6) return bad(EMSGSIZE);
    rr->ttl = (uint32_t)ns_get32(p);
    rr->rdlength = (uint16_t)ns_get16(p + 4);
    p += 6;
    if (eom - p < rr->rdlength) return bad(EMSGSIZE);
    rr->rdata = p;
    p += rr->rdlength;
  }
  h->_msg_ptr = p;
  h->_rrnum++;
  return 0;
}
