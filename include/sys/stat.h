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

#ifdef __cplusplus
}
#endif
#endif
