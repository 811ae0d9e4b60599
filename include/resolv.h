/* wasip2-libc <resolv.h> (Debian's WASI headers have none, so programs that
 * include it did not compile).  WASI 0.2 resolves names only through
 * wasi:sockets/ip-name-lookup, which returns addresses: there is no way to
 * send a DNS message, so res_query/res_search/res_send fail honestly
 * (h_errno NO_RECOVERY, errno ENOSYS) and res_init succeeds with nothing to
 * configure (src/net/res_query.c).  b64_ntop/b64_pton, which glibc exports
 * from its resolver library and BSD programs use for base64, work
 * (src/net/b64.c). */
#ifndef _RESOLV_H
#define _RESOLV_H
#include <stddef.h>
#include <stdint.h>
#include <arpa/nameser.h>
#include <netinet/in.h>
#ifdef __cplusplus
extern "C" {
#endif

int res_init(void);
int res_query(const char *, int, int, unsigned char *, int);
int res_search(const char *, int, int, unsigned char *, int);
int res_querydomain(const char *, const char *, int, int, unsigned char *, int);
int res_send(const unsigned char *, int, unsigned char *, int);
/* DNS names in wire form (src/net/dn_expand.c), for programs that parse
 * messages themselves (with <arpa/nameser.h>'s ns_* or by hand). */
int dn_expand(const unsigned char *, const unsigned char *, const unsigned char *, char *, int);
int dn_skipname(const unsigned char *, const unsigned char *);

int b64_ntop(unsigned char const *, size_t, char *, size_t);
int b64_pton(char const *, unsigned char *, size_t);

#ifdef __cplusplus
}
#endif
#endif
