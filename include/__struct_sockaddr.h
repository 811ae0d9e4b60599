/* wasip2-libc: struct sockaddr, layout as Debian's and upstream wasi-libc's
 * (family 16-byte aligned, sizeof 16).  Debian spells the alignment
 * _Alignas(max_align_t), which exists only in C11 and C++11, so <sys/socket.h>
 * failed under -std=c89/-std=c99; __BIGGEST_ALIGNMENT__ is the same number
 * (alignof(max_align_t), checked by test/build/abi_upstream.test.mjs) in
 * every language mode.  sa_data has Linux's 14 bytes: same offset and size
 * as Debian's zero-length array, without the extension. */
#ifndef __wasilibc___struct_sockaddr_h
#define __wasilibc___struct_sockaddr_h

#include <__typedef_sa_family_t.h>

struct sockaddr {
	__attribute__((__aligned__(__BIGGEST_ALIGNMENT__))) sa_family_t sa_family;
	char sa_data[14];
};

#endif
