/* wasip2-libc: Debian's <netinet/in.h> plus the one address name its copy
 * predates and upstream's wasm32-wasip2 header (as Linux's) has. */
#ifndef _WASIP2_NETINET_IN_H
#define _WASIP2_NETINET_IN_H
#include_next <netinet/in.h>

#ifndef INADDR_DUMMY
#define INADDR_DUMMY ((in_addr_t) 0xc0000008)
#endif
#endif
