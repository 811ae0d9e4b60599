/* wasip2-libc: Debian's <unistd.h> plus what it hides for lack of processes
 * and signals.  Those calls exist here and fail at run time with an honest
 * errno (fork/exec: ENOSYS, setuid to another id: EPERM) or return fixed,
 * documented values (getpid 42, getuid 1000), so programs build unchanged.
 * Other areas: add your declarations in a section of your own below. */
#ifndef __WASIP2_UNISTD_H
#define __WASIP2_UNISTD_H

/* Debian marks getpid deprecated unless this is defined; ours is real. */
#ifndef _WASI_EMULATED_GETPID
#define _WASI_EMULATED_GETPID
#define __WASIP2_UNDEF_GETPID
#endif
#include_next <unistd.h>
#ifdef __WASIP2_UNDEF_GETPID
#undef _WASI_EMULATED_GETPID
#undef __WASIP2_UNDEF_GETPID
#endif

/* Semaphores work (src/thread/sem.c): real waits with -pthread, and
 * without it a wait nothing could end fails with EDEADLK. */
#ifndef _POSIX_SEMAPHORES
#define _POSIX_SEMAPHORES _POSIX_VERSION
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- descriptors and directories (src/io, src/fs) ---- */
int pipe(int [2]);
int pipe2(int [2], int);
int dup(int);
int dup2(int, int);
int dup3(int, int, int);
off_t __wasilibc_tell(int);
int chdir(const char *);
int fchdir(int);
int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int lchown(const char *, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);
int lockf(int, int, off_t);
void sync(void);

/* ---- processes, users, signals (src/proc, src/signal) ---- */
unsigned alarm(unsigned);
int pause(void);
pid_t fork(void);
pid_t _Fork(void);
int execve(const char *, char *const [], char *const []);
int execv(const char *, char *const []);
int execle(const char *, const char *, ...);
int execl(const char *, const char *, ...);
int execvp(const char *, char *const []);
int execlp(const char *, const char *, ...);
int fexecve(int, char *const [], char *const []);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getpgid(pid_t);
int setpgid(pid_t, pid_t);
pid_t setsid(void);
pid_t getsid(pid_t);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);
char *ttyname(int);
int ttyname_r(int, char *, size_t);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int getgroups(int, gid_t []);
int setuid(uid_t);
int seteuid(uid_t);
int setgid(gid_t);
int setegid(gid_t);
#if defined(_XOPEN_SOURCE) || defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int setreuid(uid_t, uid_t);
int setregid(gid_t, gid_t);
int nice(int);
pid_t setpgrp(void);
#endif
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
pid_t vfork(void);
int chroot(const char *);
int getpagesize(void);
int getdtablesize(void);
int sethostname(const char *, size_t);
int getdomainname(char *, size_t);
int setdomainname(const char *, size_t);
int setgroups(size_t, const gid_t *);
int daemon(int, int);
int execvpe(const char *, char *const [], char *const []);
int issetugid(void);
#endif
#ifdef _GNU_SOURCE
int setresuid(uid_t, uid_t, uid_t);
int setresgid(gid_t, gid_t, gid_t);
int getresuid(uid_t *, uid_t *, uid_t *);
int getresgid(gid_t *, gid_t *, gid_t *);
pid_t gettid(void);
#endif

/* sysconf/confstr names upstream's wasm32-wasip2 <unistd.h> has and Debian's
 * predates (Linux's numbers); sysconf answers them (src/proc/sysconf.c) or
 * says EINVAL as for any name it does not know. */
#ifndef _SC_MINSIGSTKSZ
#define _SC_MINSIGSTKSZ 249
#define _SC_SIGSTKSZ 250
#endif
#ifndef _CS_POSIX_V7_THREADS_CFLAGS
#define _CS_POSIX_V7_THREADS_CFLAGS 1150
#define _CS_POSIX_V7_THREADS_LDFLAGS 1151
#endif

#ifdef __cplusplus
}
#endif

#endif
