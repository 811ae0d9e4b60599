/* wasip2-libc: Debian's <sys/resource.h> without its _WASI_EMULATED_PROCESS_CLOCKS gate: the
 * functions behind it are real in this library (see README.md, Compatibility).
 * The define is set only while Debian's header is read, and left as the
 * user had it. */
#ifndef __WASIP2_SYS_RESOURCE_H
#define __WASIP2_SYS_RESOURCE_H
#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS
#define __WASIP2_SYS_RESOURCE_H_UNDEF
#endif
#include_next <sys/resource.h>
#ifdef __WASIP2_SYS_RESOURCE_H_UNDEF
#undef _WASI_EMULATED_PROCESS_CLOCKS
#undef __WASIP2_SYS_RESOURCE_H_UNDEF
#endif
#ifdef __cplusplus
extern "C" {
#endif
/* Hidden by Debian for lack of process limits.  Ours report the real stack
 * size and the wasm32 address space; lowering a soft limit is accepted and
 * remembered, raising above the hard limit is EPERM.  RUSAGE_SELF and
 * RUSAGE_CHILDREN keep Debian's values (1, 2). */
typedef unsigned long long rlim_t;
struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};
#define RLIM_INFINITY (~0ULL)
#define RLIM_SAVED_CUR RLIM_INFINITY
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIMIT_CPU     0
#define RLIMIT_FSIZE   1
#define RLIMIT_DATA    2
#define RLIMIT_STACK   3
#define RLIMIT_CORE    4
#define RLIMIT_RSS     5
#define RLIMIT_NPROC   6
#define RLIMIT_NOFILE  7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS      9
#define RLIMIT_LOCKS   10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE    13
#define RLIMIT_RTPRIO  14
#define RLIMIT_RTTIME  15
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS RLIMIT_NLIMITS
#define PRIO_MIN (-20)
#define PRIO_MAX 20
#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2
int getrlimit(int, struct rlimit *);
int setrlimit(int, const struct rlimit *);
int getpriority(int, id_t);
int setpriority(int, id_t, int);
#ifdef __cplusplus
}
#endif
#endif
