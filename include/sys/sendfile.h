/* wasip2-libc: Linux's <sys/sendfile.h>, which Debian's WASI headers lack.
 * sendfile (src/io/sendfile.c) copies through a buffer: WASI 0.2 has no
 * in-kernel splice, but servers written for Linux call it unconditionally. */
#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H
#ifdef __cplusplus
extern "C" {
#endif
#define __NEED_size_t
#define __NEED_ssize_t
#define __NEED_off_t
#include <bits/alltypes.h>

ssize_t sendfile(int, int, off_t *, size_t);
#define sendfile64 sendfile

#ifdef __cplusplus
}
#endif
#endif
