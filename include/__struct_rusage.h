/* wasip2-libc: Linux's struct rusage, all sixteen fields plus musl's
 * reserved tail: the layout of upstream wasi-libc's wasm32-wasip2 header and
 * of musl (152 bytes), so objects built with either agree with getrusage.
 * Debian's has only ru_utime and ru_stime, and Linux code reads ru_maxrss
 * and the rest.  What src/proc/clock.c fills is documented there. */
#ifndef __wasilibc___struct_rusage_h
#define __wasilibc___struct_rusage_h

#include <__struct_timeval.h>

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
	long __reserved[16];
};

#endif
