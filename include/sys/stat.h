/* wasip2-libc: Debian's <sys/stat.h> plus what it hides.
 * Other areas: add your declarations in a section of your own below. */
#ifndef __WASIP2_SYS_STAT_H
#define __WASIP2_SYS_STAT_H
#include_next <sys/stat.h>
#ifdef __cplusplus
extern "C" {
#endif

/* ---- processes (src/proc): recorded, reported; the host has no modes ---- */
mode_t umask(mode_t);

/* ---- modes (src/fs/chmod.c): Debian hides these; the filesystem has fixed
 * modes, so asking for the current one succeeds and any other is EPERM ---- */
int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int fchmodat(int, const char *, mode_t, int);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int lchmod(const char *, mode_t);
#endif

#ifdef __cplusplus
}
#endif
#endif
