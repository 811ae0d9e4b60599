/* wasip2-libc: Debian's WASI <fcntl.h> plus the commands its preview1
 * build left out (F_DUPFD, record locks), numbered as upstream wasi-libc's
 * wasm32-wasip2 headers number them (F_GETFD..F_SETFL are 1..4). */
#ifndef _WASIP2_FCNTL_H
#define _WASIP2_FCNTL_H
#include_next <fcntl.h>

/* Upstream wasi-libc's wasm32-wasip2 numbers (not Linux's 0, 1030 and 5-7):
 * an object built with its headers passes these, and Linux's F_GETLK (5)
 * would be upstream's F_DUPFD. */
#undef F_DUPFD
#undef F_DUPFD_CLOEXEC
#undef F_GETLK
#undef F_SETLK
#undef F_SETLKW
#define F_DUPFD 5
#define F_DUPFD_CLOEXEC 6
#define F_GETLK 7
#define F_SETLK 8
#define F_SETLKW 9
#ifndef F_RDLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif
#ifndef FD_CLOEXEC
#define FD_CLOEXEC 1
#endif
/* Debian's header spells the status and creation flags as casts of the WASI
 * constants, ((__wasi_fdflags_t)(1 << 2)), which a preprocessor #if cannot
 * evaluate: gzip's `#if defined F_SETFL && O_NONBLOCK && defined EAGAIN` is
 * then a hard error.  Same values as plain integers (test/posix/flags_in_if.c
 * checks they still equal the WASI ones). */
#undef O_APPEND
#undef O_DSYNC
#undef O_NONBLOCK
#undef O_RSYNC
#undef O_SYNC
#undef O_CREAT
#undef O_DIRECTORY
#undef O_EXCL
#undef O_TRUNC
#define O_APPEND    0x0001
#define O_DSYNC     0x0002
#define O_NONBLOCK  0x0004
#define O_RSYNC     0x0008
#define O_SYNC      0x0010
#define O_CREAT     0x1000
#define O_DIRECTORY 0x2000
#define O_EXCL      0x4000
#define O_TRUNC     0x8000

/* A real close-on-exec bit (Debian's and upstream's headers say 0): open,
 * openat, pipe2 and dup3 set FD_CLOEXEC on the new fd, as Linux does, so a
 * program can check what it asked for with F_GETFD.  The bit is one no other
 * O_ flag uses (the status flags are 0x1f, the creation flags 0xf000, the
 * access and O_NOFOLLOW bits 0x1f000000).  Objects built with upstream's
 * headers pass 0: no close-on-exec, which is what their F_GETFD then shows
 * (there is no exec to make it matter either way). */
#undef O_CLOEXEC
#define O_CLOEXEC   0x20000000

/* Linux's old name for O_NONBLOCK; Debian's FNDELAY refers to it */
#ifndef O_NDELAY
#define O_NDELAY O_NONBLOCK
#endif
#endif
