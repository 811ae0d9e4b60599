/* wasip2-libc: <sys/statvfs.h>, which Debian's WASI headers lack.  The
 * layout is Linux's (64-bit counts); statvfs/fstatvfs fail with ENOTSUP
 * because wasi:filesystem 0.2.0 cannot answer them (src/fs/statvfs.c). */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H
#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long long fsblkcnt_t;
typedef unsigned long long fsfilcnt_t;

struct statvfs {
	unsigned long f_bsize, f_frsize;
	fsblkcnt_t f_blocks, f_bfree, f_bavail;
	fsfilcnt_t f_files, f_ffree, f_favail;
	unsigned long f_fsid;
	unsigned long f_flag, f_namemax;
	unsigned int f_type;
	int __reserved[6];
};

int statvfs(const char *__restrict, struct statvfs *__restrict);
int fstatvfs(int, struct statvfs *);

#define ST_RDONLY 1
#define ST_NOSUID 2

#ifdef __cplusplus
}
#endif
#endif
