/* wasip2-libc: Debian's WASI <fcntl.h> plus the commands its preview1
 * build left out (F_DUPFD, record locks), with Linux's values where they
 * do not collide with the WASI ones (F_GETFD..F_SETFL are 1..4). */
#ifndef _WASIP2_FCNTL_H
#define _WASIP2_FCNTL_H
#include_next <fcntl.h>

#ifndef F_DUPFD
#define F_DUPFD 0
#endif
#ifndef F_GETLK
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
#ifndef F_DUPFD_CLOEXEC
#define F_DUPFD_CLOEXEC 1030
#endif
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif
#ifndef FD_CLOEXEC
#define FD_CLOEXEC 1
#endif
/* Linux's old name for O_NONBLOCK; Debian's FNDELAY refers to it */
#ifndef O_NDELAY
#define O_NDELAY O_NONBLOCK
#endif
#endif
