/* wasip2-libc <sys/un.h>.  Debian's WASI header leaves sun_path out of
 * struct sockaddr_un ("WASI has no UNIX-domain sockets"), so every program
 * that merely mentions a UNIX socket (netcat's -U mode, servers with a
 * control socket) fails to compile.  The struct here has Linux's layout;
 * the sockets themselves still do not exist: socket(AF_UNIX, ...) fails with
 * EAFNOSUPPORT at run time, which programs handle as on a kernel without
 * AF_UNIX. */
#ifndef _SYS_UN_H
#define _SYS_UN_H
#ifdef __cplusplus
extern "C" {
#endif

#include <features.h>

#define __NEED_sa_family_t
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
#define __NEED_size_t
#endif
#include <bits/alltypes.h>

/* Keep Debian's sun_path-less definition out if someone includes it. */
#define __wasilibc___struct_sockaddr_un_h
struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
size_t strlen(const char *);
#define SUN_LEN(s) (2+strlen((s)->sun_path))
#endif

#ifdef __cplusplus
}
#endif
#endif
