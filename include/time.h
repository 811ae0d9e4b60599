/* wasip2-libc: Debian's <time.h> without its _WASI_EMULATED_PROCESS_CLOCKS gate: the
 * functions behind it are real in this library (see README.md, Compatibility).
 * The define is set only while Debian's header is read, and left as the
 * user had it. */
#ifndef __WASIP2_TIME_H
#define __WASIP2_TIME_H
#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS
#define __WASIP2_TIME_H_UNDEF
#endif
#include_next <time.h>
#ifdef __WASIP2_TIME_H_UNDEF
#undef _WASI_EMULATED_PROCESS_CLOCKS
#undef __WASIP2_TIME_H_UNDEF
#endif
/* Debian's TIMER_ABSTIME is a cast of a WASI constant, unusable in #if; same value. */
#undef TIMER_ABSTIME
#define TIMER_ABSTIME 1

/* ---- time zones (src/time/tz.c): POSIX TZ strings; Debian hides these ---- */
#ifdef __cplusplus
extern "C" {
#endif
void tzset(void);
extern char *tzname[2];
#if defined(_XOPEN_SOURCE) || defined(_BSD_SOURCE) || defined(_GNU_SOURCE)
extern int daylight;
extern long timezone;
#endif

/* ---- CPU clocks (src/thread/pthread_misc.c): _POSIX_CPUTIME's function ---- */
#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) || defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int clock_getcpuclockid(pid_t, clockid_t *);
#endif
#ifdef __cplusplus
}
#endif
#endif
