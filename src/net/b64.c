// b64_ntop / b64_pton: RFC 4648 base64 as BIND's resolver library defines
// them (glibc exports them from libresolv; BSD programs call them, e.g.
// netcat-openbsd for HTTP proxy authentication).  <resolv.h> declared
// nothing before, so such programs did not compile.
// b64_ntop: encode srclen bytes into target (NUL-terminated); returns the
// length without the NUL, or -1 if targsize is too small.
// b64_pton: decode, skipping white space; returns the byte count, or -1 on
// bad input or a too-small target (target NULL: only count).
#include <ctype.h>
#include <resolv.h>
#include <string.h>

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int b64_ntop(unsigned char const *src, size_t srclen, char *target, size_t targsize) {
  size_t out = 0;
  while (srclen > 0) {
    unsigned char in[3] = {0, 0, 0};
    size_t n = srclen < 3 ? srclen : 3;
    memcpy(in, src, n);
    src += n;
    srclen -= n;
    if (out + 4 > targsize)
      return -1;
    target[out++] = b64[in[0] >> 2];
    target[out++] = b64[((in[0] & 0x03) << 4) | (in[1] >> 4)];
    target[out++] = n > 1 ? b64[((in[1] & 0x0f) << 2) | (in[2] >> 6)] : '=';
    target[out++] = n > 2 ? b64[in[2] & 0x3f] : '=';
  }
  if (out >= targsize)
    return -1;
  target[out] = '\0';
  return (int)out;
}

int b64_pton(char const *src, unsigned char *target, size_t targsize) {
  size_t out = 0;
  unsigned acc = 0;
  int bits = 0, pad = 0;
  for (; *src; src++) {
    unsigned char c = (unsigned char)*src;
    if (isspace(c))
      continue;
    if (c == '=') {
      pad++;
      continue;
    }
    if (pad)  // data after padding
      return -1;
    const char *p = strchr(b64, c);
    if (p == NULL || c == '\0')
      return -1;
    acc = (acc << 6) | (unsigned)(p - b64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (target) {
        if (out >= targsize)
          return -1;
        target[out] = (unsigned char)(acc >> bits);
      }
      out++;
    }
  }
  // Valid endings: no leftover group, or a partial group with the right
  // number of '=': 2 chars (12 bits, 4 left over) = one byte + "==",
  // 3 chars (18 bits, 2 left over) = two bytes + "=".
  if (pad > 2 || (pad && bits == 0) || (bits == 4 && pad != 2) || (bits == 2 && pad != 1) ||
      bits == 6)
    return -1;
  if ((acc & ((1u << bits) - 1)) != 0)  // non-zero trailing bits
    return -1;
  return (int)out;
}
