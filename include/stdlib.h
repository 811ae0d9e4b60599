/* wasip2-libc: Debian's <stdlib.h> plus the file functions its preview1
 * build hid ("WASI has no temp directories / absolute paths"): they work
 * here, inside the preopened directories (src/fs).
 * Other areas: add your declarations in a section of your own below. */
#ifndef __WASIP2_STDLIB_H
#define __WASIP2_STDLIB_H
#include_next <stdlib.h>
#ifdef __cplusplus
extern "C" {
#endif

/* ---- files (src/fs) ---- */
#if defined(_POSIX_SOURCE) || defined(_POSIX_C_SOURCE) || defined(_XOPEN_SOURCE) \
 || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int mkstemp(char *);
int mkostemp(char *, int);
char *mkdtemp(char *);
#endif
#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
char *realpath(const char *__restrict, char *__restrict);
#endif

#ifdef __cplusplus
}
#endif
#endif
