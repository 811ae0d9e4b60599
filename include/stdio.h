/* wasip2-libc: Debian's <stdio.h> without the deprecation it puts on
 * tmpfile(), which works here (src/fs/mkstemp.c: $TMPDIR, /tmp or the
 * current directory).  Debian's deprecated declaration is renamed out of
 * the way before it is seen.
 * Other areas: add your declarations in a section of your own below. */
#ifndef __WASIP2_STDIO_H
#define __WASIP2_STDIO_H
#define tmpfile __wasip2_deprecated_tmpfile
#define tmpnam __wasip2_deprecated_tmpnam
#include_next <stdio.h>
#undef tmpfile
#undef tmpnam
#ifdef __cplusplus
extern "C" {
#endif

/* ---- files (src/fs) ---- */
FILE *tmpfile(void);
#define tmpfile64 tmpfile

/* ---- temporary names (src/stdio/tmpnam.c): in $TMPDIR or /tmp (a preopen) ---- */
#ifndef TMP_MAX
#define TMP_MAX 10000
#endif
#ifndef L_tmpnam
#define L_tmpnam 20
#endif
char *tmpnam(char *);
#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#ifndef P_tmpdir
#define P_tmpdir "/tmp"
#endif
char *tempnam(const char *, const char *);
#endif
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
char *tmpnam_r(char *);
#endif

/* ---- stream locks (src/stdio/flockfile.c): POSIX declares them for every
 * program; Debian's header hides them unless _REENTRANT.  One thread, so
 * they never wait. ---- */
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);

/* ---- processes (src/proc): no shell to start; fail with ENOSYS ---- */
FILE *popen(const char *, const char *);
int pclose(FILE *);

#ifdef __cplusplus
}
#endif
#endif
