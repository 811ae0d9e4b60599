/* wasip2-libc <bsd/string.h>: libbsd's overlay header. strlcpy, strlcat and
 * explicit_bzero are declared by <string.h> itself (and defined in libc.a);
 * this header only makes sure the BSD names are visible. */
#ifndef __WASIP2_BSD_STRING_H
#define __WASIP2_BSD_STRING_H
#ifndef _BSD_SOURCE
#define _BSD_SOURCE 1
#endif
#include <string.h>
#endif
