/* wasip2-libc: Debian's <sys/mman.h> without its _WASI_EMULATED_MMAN gate: the
 * functions behind it are real in this library (see README.md, Compatibility).
 * The define is set only while Debian's header is read, and left as the
 * user had it. */
#ifndef __WASIP2_SYS_MMAN_H
#define __WASIP2_SYS_MMAN_H
#ifndef _WASI_EMULATED_MMAN
#define _WASI_EMULATED_MMAN
#define __WASIP2_SYS_MMAN_H_UNDEF
#endif
#include_next <sys/mman.h>
#ifdef __WASIP2_SYS_MMAN_H_UNDEF
#undef _WASI_EMULATED_MMAN
#undef __WASIP2_SYS_MMAN_H_UNDEF
#endif
#ifdef __cplusplus
extern "C" {
#endif
/* Debian omits madvise unless _GNU_SOURCE/_BSD_SOURCE; the POSIX advice
 * values are always there. */
#ifndef MADV_NORMAL
#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#endif
#ifdef __cplusplus
}
#endif
#endif
