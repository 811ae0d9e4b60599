/* wasip2-libc <bsd/stdlib.h>: the part of libbsd's overlay header that
 * BSD-derived programs (netcat-openbsd, OpenSSH tools ...) include on Linux.
 * libbsd itself is a separate Linux library that no component can link, so
 * the functions those programs call from it live in our libc.a:
 * strtonum (src/bsd/strtonum.c); arc4random, arc4random_buf and
 * arc4random_uniform are already in <stdlib.h> (wasi:random). */
#ifndef __WASIP2_BSD_STDLIB_H
#define __WASIP2_BSD_STDLIB_H
#ifndef _BSD_SOURCE
#define _BSD_SOURCE 1  /* libbsd's overlay exposes the BSD names, arc4random included */
#endif
#include <stdlib.h>
#ifdef __cplusplus
extern "C" {
#endif

long long strtonum(const char *, long long, long long, const char **);

#ifdef __cplusplus
}
#endif
#endif
