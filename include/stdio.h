/* wasip2-libc: Debian's <stdio.h> without the deprecation it puts on
 * tmpfile(), which works here (src/fs/mkstemp.c: $TMPDIR, /tmp or the
 * current directory).  Debian's deprecated declaration is renamed out of
 * the way before it is seen.
 * Other areas: add your declarations in a section of your own below. */
#ifndef __WASIP2_STDIO_H
#define __WASIP2_STDIO_H
#define tmpfile __wasip2_deprecated_tmpfile
#include_next <stdio.h>
#undef tmpfile
#ifdef __cplusplus
extern "C" {
#endif

/* ---- files (src/fs) ---- */
FILE *tmpfile(void);
#define tmpfile64 tmpfile

/* ---- processes (src/proc): no shell to start; fail with ENOSYS ---- */
FILE *popen(const char *, const char *);
int pclose(FILE *);

#ifdef __cplusplus
}
#endif
#endif
