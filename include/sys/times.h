/* wasip2-libc: Debian's <sys/times.h> without its _WASI_EMULATED_PROCESS_CLOCKS gate: the
 * functions behind it are real in this library (see README.md, Compatibility).
 * The define is set only while Debian's header is read, and left as the
 * user had it. */
#ifndef __WASIP2_SYS_TIMES_H
#define __WASIP2_SYS_TIMES_H
#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS
#define __WASIP2_SYS_TIMES_H_UNDEF
#endif
#include_next <sys/times.h>
#ifdef __WASIP2_SYS_TIMES_H_UNDEF
#undef _WASI_EMULATED_PROCESS_CLOCKS
#undef __WASIP2_SYS_TIMES_H_UNDEF
#endif
#endif
