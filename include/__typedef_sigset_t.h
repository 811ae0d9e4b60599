/* wasip2-libc: a real signal set (Debian's is a one-byte placeholder that
 * cannot hold 64 signals).  Same shape as musl's, so code written for Linux
 * that copies or compares sets keeps working. */
#ifndef __wasilibc___typedef_sigset_t_h
#define __wasilibc___typedef_sigset_t_h

typedef struct __sigset_t { unsigned long __bits[128 / sizeof(long)]; } sigset_t;

#endif
