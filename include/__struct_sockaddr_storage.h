/* wasip2-libc: struct sockaddr_storage with Debian's layout (48 bytes,
 * 16-byte aligned); the alignment written with __BIGGEST_ALIGNMENT__ so that
 * C89/C99 code compiles (see __struct_sockaddr.h). */
#ifndef __wasilibc___struct_sockaddr_storage_h
#define __wasilibc___struct_sockaddr_storage_h

#include <__typedef_sa_family_t.h>

struct sockaddr_storage {
	__attribute__((__aligned__(__BIGGEST_ALIGNMENT__))) sa_family_t ss_family;
	char __ss_data[32];
};

#endif
