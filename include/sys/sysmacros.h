/* wasip2-libc <sys/sysmacros.h>: Linux's device-number encoding (dev_t is
 * 64 bits: the major in bits 8-19 and 32-63, the minor in bits 0-7 and
 * 20-31), the same st_rdev our /dev devices report (/dev/null is 1,3). */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#define major(x) \
	((unsigned)((((x) >> 31 >> 1) & 0xfffff000) | (((x) >> 8) & 0x00000fff)))
#define minor(x) \
	((unsigned)((((x) >> 12) & 0xffffff00) | ((x) & 0x000000ff)))
#define makedev(x, y) ( \
	(((x) & 0xfffff000ULL) << 32) | \
	(((x) & 0x00000fffULL) << 8) | \
	(((y) & 0xffffff00ULL) << 12) | \
	(((y) & 0x000000ffULL)))

#endif
