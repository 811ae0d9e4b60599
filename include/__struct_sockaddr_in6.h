/* wasip2-libc: struct sockaddr_in6 with Debian's layout (32 bytes, family
 * 16-byte aligned); the alignment written with __BIGGEST_ALIGNMENT__ so that
 * C89/C99 code compiles (see __struct_sockaddr.h). */
#ifndef __wasilibc___struct_sockaddr_in6_h
#define __wasilibc___struct_sockaddr_in6_h

#include <__typedef_sa_family_t.h>
#include <__typedef_in_port_t.h>
#include <__struct_in6_addr.h>

struct sockaddr_in6 {
	__attribute__((__aligned__(__BIGGEST_ALIGNMENT__))) sa_family_t sin6_family;
	in_port_t sin6_port;
	unsigned sin6_flowinfo;
	struct in6_addr sin6_addr;
	unsigned sin6_scope_id;
};

#endif
