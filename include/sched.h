/* wasip2-libc <sched.h>: Debian's, plus the scheduling-policy API it hides.
 * WASI has no scheduler control, but programs (CPython's posixmodule,
 * <spawn.h>'s POSIX_SPAWN_SETSCHEDPARAM users, pthread code guarded by
 * _POSIX_THREAD_PRIORITY_SCHEDULING) expect struct sched_param and its
 * functions together: here they are, honest about the one policy there is,
 * SCHED_OTHER with priority 0 (src/thread/sched_param.c). */
#ifndef __WASIP2_SCHED_H
#define __WASIP2_SCHED_H

#include_next <sched.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SCHED_OTHER
/* musl's layout (Linux's first member; the rest reserved). */
struct sched_param {
	int sched_priority;
	int __reserved1;
	struct {
		time_t __reserved1;
		long __reserved2;
	} __reserved2[2];
	int __reserved3;
};

int sched_get_priority_max(int);
int sched_get_priority_min(int);
int sched_getparam(pid_t, struct sched_param *);
int sched_getscheduler(pid_t);
int sched_rr_get_interval(pid_t, struct timespec *);
int sched_setparam(pid_t, const struct sched_param *);
int sched_setscheduler(pid_t, int, const struct sched_param *);

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define SCHED_RESET_ON_FORK 0x40000000
#endif

#ifdef __cplusplus
}
#endif
#endif
