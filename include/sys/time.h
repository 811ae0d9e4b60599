/* wasip2-libc: Debian's <sys/time.h> plus the interval timers it hides
 * (ITIMER_REAL works through the monotonic clock, see src/signal/alarm.c). */
#ifndef __WASIP2_SYS_TIME_H
#define __WASIP2_SYS_TIME_H
#include_next <sys/time.h>
#ifdef __cplusplus
extern "C" {
#endif
#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2
struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};
int getitimer(int, struct itimerval *);
int setitimer(int, const struct itimerval *__restrict, struct itimerval *__restrict);
/* file times by descriptor and without following a link (src/fs) */
int futimes(int, const struct timeval [2]);
int lutimes(const char *, const struct timeval [2]);
#ifdef __cplusplus
}
#endif
#endif
