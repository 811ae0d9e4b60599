/* wasip2-libc: Debian's <netinet/udp.h> without the names of the UDP-level
 * socket options (UDP_CORK, UDP_SEGMENT, UDP_GRO...): WASI 0.2 has none and
 * setsockopt(SOL_UDP, ...) is ENOPROTOOPT, so a program testing `#ifdef
 * UDP_SEGMENT` takes its portable path.  The header and its values stay. */
#ifndef _WASIP2_NETINET_UDP_H
#define _WASIP2_NETINET_UDP_H
#include_next <netinet/udp.h>

#undef UDP_CORK
#undef UDP_ENCAP
#undef UDP_NO_CHECK6_TX
#undef UDP_NO_CHECK6_RX
#undef UDP_SEGMENT
#undef UDP_GRO
#endif
