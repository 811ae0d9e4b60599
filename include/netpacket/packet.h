/* wasip2-libc <netpacket/packet.h>: Debian's (struct sockaddr_ll, the
 * PACKET_* options) plus the address family it belongs to, which our
 * <sys/socket.h> leaves out: code that includes this header when it exists
 * (CPython's socketmodule) uses AF_PACKET.  WASI has no packet sockets:
 * socket(AF_PACKET, ...) fails with EAFNOSUPPORT like every family but
 * AF_INET, AF_INET6 and AF_UNIX.  17 is Linux's number; it clashes with
 * none of ours. */
#ifndef __WASIP2_NETPACKET_PACKET_H
#define __WASIP2_NETPACKET_PACKET_H

#include <sys/socket.h>
#include_next <netpacket/packet.h>

#ifndef PF_PACKET
#define PF_PACKET 17
#endif
#ifndef AF_PACKET
#define AF_PACKET PF_PACKET
#endif

#endif
