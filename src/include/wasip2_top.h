// The seam with the top half (Debian's musl-based objects in libc.a): the
// musl-internal names the bottom half defines for it, and the few of its
// objects the bottom half reads.  Each is declared here once, with the top
// half's users, so the compiler checks our definitions against one
// prototype (the top half's own copy of it is in musl's internal headers,
// which are not installed).  The FILE objects and __fdopen are the stdio
// area's (src/include/wasip2_stdio.h).
#ifndef WASIP2_TOP_H
#define WASIP2_TOP_H

#include <locale.h>
#include <sys/types.h>
#include <time.h>

// ---------------------------------------------------------------- defined here, called by the top half
// isatty's body (src/io/isatty.c): stdio's line-buffering choice (the top
// half's __stdout_write, our stdout.c and fdopen.c) asks it.
int __isatty(int fd);
// lseek's body (src/io/lseek.c): the top half's __stdio_seek.
off_t __lseek(int fd, off_t off, int whence);
// dup2-then-close (src/io/dup.c): the top half's freopen.
int __wasilibc_fd_renumber(int fd, int newfd);
// clock_gettime's body (src/time/clock_gettime.c): the top half's time(),
// clock() and the timed waits.
int __clock_gettime(clockid_t id, struct timespec *ts);
// The time zone (src/time/tz.c): the top half's localtime_r, mktime,
// strftime (%Z) and gmtime_r (tm_zone = __utc).
void __secs_to_zone(long long t, int local, int *isdst, long *offset, long *oppoff, const char **zonename);
const char *__tm_to_tzname(const struct tm *tm);
extern const char __utc[];
// A category's locale map (src/locale/locale_map.c): the top half's
// setlocale and newlocale.
struct __locale_map;
const struct __locale_map *__get_locale(int cat, const char *name);
// strerror_l's body (src/errno/strerror.c).
char *__strerror_l(int e, locale_t loc);
// The environment (src/env/environ.c): the top half's getenv, setenv,
// putenv and environ (an alias of it), read lazily; (char **)-1 until then.
extern char **__wasilibc_environ;

// ---------------------------------------------------------------- defined by the top half
// argv[0] and its last part (musl's libc.o; program_invocation_name and
// program_invocation_short_name are aliases): src/env/main_void.c sets
// them, err()/warn() (src/stdio/err.c) print the short one.
extern char *__progname, *__progname_full;
// The top half's built-in C.UTF-8 locale map (src/locale/locale_map.c).
extern const struct __locale_map __c_dot_utf8;

#endif
