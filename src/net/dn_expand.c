// dn_expand, dn_skipname: DNS names in wire form (RFC 1035 4.1.4: labels,
// and pointers back into the message).  dn_expand writes the dotted name
// ("" for the root) and returns the bytes the name takes where it starts;
// a pointer loop, a label past the end, or a name that does not fit: -1.
#include <resolv.h>
#include <string.h>

int dn_expand(const unsigned char *base, const unsigned char *end, const unsigned char *src,
              char *dest, int space) {
  const unsigned char *p = src;
  char *d = dest, *dend = dest + (space > 254 ? 254 : space);
  int len = -1;
  if (!base || !end || !src || !dest || space <= 0 || src < base || src >= end) return -1;
  // every pointer must go backwards: at most (end - base) jumps
  for (int jumps = 0; jumps <= end - base; jumps++) {
    if (p >= end) return -1;
    if ((*p & 0xc0) == 0xc0) {
      if (p + 1 >= end) return -1;
      int off = ((p[0] & 0x3f) << 8) | p[1];
      if (len < 0) len = (int)(p + 2 - src);
      if (off >= end - base) return -1;
      p = base + off;
    } else if (*p & 0xc0) {
      return -1;  // 0x40 and 0x80 label types are not used
    } else if (*p) {
      int n = *p++, dot = d != dest;
      if (n > end - p || dot + n >= dend - d) return -1;  // room for the NUL too
      if (dot) *d++ = '.';
      memcpy(d, p, (size_t)n);
      d += n;
      p += n;
    } else {
      *d = 0;
      if (len < 0) len = (int)(p + 1 - src);
      return len;
    }
  }
  return -1;
}

int dn_skipname(const unsigned char *s, const unsigned char *end) {
  const unsigned char *p = s;
  while (p < end) {
    if (!*p) return (int)(p - s + 1);
    if (*p >= 0xc0) return p + 1 < end ? (int)(p - s + 2) : -1;
    if (*p & 0xc0) return -1;
    if (end - p <= *p) return -1;
    p += *p + 1;
  }
  return -1;
}
