/* wasip2-libc: Debian's <poll.h> plus the POSIX event bits it leaves out
 * and ppoll declared by default (POSIX.1-2024; Debian hides it behind
 * _GNU_SOURCE).
 *
 * WASI streams have no out-of-band or priority-band data, so POLLPRI,
 * POLLRDBAND and POLLWRBAND are never reported: asking for them alone waits
 * like Linux does on a socket without urgent data (until the timeout, a
 * hang-up or an error).  Values: POLLPRI is upstream wasi-libc's 0x200;
 * POLLRDBAND is musl's 0x80; musl's POLLWRBAND (0x200) is upstream's
 * POLLPRI here, so POLLWRBAND takes the free 0x100.  None overlaps
 * POLLIN/POLLOUT (1, 2) or POLLERR/POLLHUP/POLLNVAL (0x1000-0x4000). */
#ifndef __WASIP2_POLL_H
#define __WASIP2_POLL_H
#include_next <poll.h>

#ifndef POLLPRI
#define POLLPRI    0x0200
#endif
#ifndef POLLRDBAND
#define POLLRDBAND 0x0080
#endif
#ifndef POLLWRBAND
#define POLLWRBAND 0x0100
#endif

#ifdef __cplusplus
extern "C" {
#endif
#define __NEED_time_t
#define __NEED_struct_timespec
#define __NEED_sigset_t
#include <bits/alltypes.h>
int ppoll(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
#ifdef __cplusplus
}
#endif
#endif
