// sys/socket.h for wasm32-wasip2.  Replaces Debian's preview1 header: the
// constants are the ones upstream wasi-libc's wasm32-wasip2 target uses, so
// objects compiled by either SDK agree; structure layouts stay Debian's.
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H
#ifdef __cplusplus
extern "C" {
#endif

#include <features.h>

#define __NEED_socklen_t
#define __NEED_sa_family_t
#define __NEED_size_t
#define __NEED_ssize_t
#define __NEED_uid_t
#define __NEED_pid_t
#define __NEED_gid_t
#define __NEED_struct_iovec
#include <bits/alltypes.h>

#include <__struct_msghdr.h>
#include <__struct_sockaddr.h>
#include <__struct_sockaddr_storage.h>

struct cmsghdr {
	socklen_t cmsg_len;
	int cmsg_level;
	int cmsg_type;
};

struct linger {
	int l_onoff;
	int l_linger;
};

#define SHUT_RD   1
#define SHUT_WR   2
#define SHUT_RDWR (SHUT_RD | SHUT_WR)

#define SOCK_DGRAM     5
#define SOCK_STREAM    6
/* Raw, reliable-datagram and sequenced-packet sockets do not exist on WASI:
 * the names are here so that code mentioning them compiles; socket() with
 * them fails as on a Linux kernel without them (SOCK_RAW: EPROTONOSUPPORT,
 * the others ESOCKTNOSUPPORT).  SOCK_RDM is Linux's 4, free here. */
#define SOCK_RAW       3
#define SOCK_RDM       4
#define SOCK_SEQPACKET 7
#define SOCK_NONBLOCK  0x00004000
#define SOCK_CLOEXEC   0x00002000

#define AF_UNSPEC 0
#define AF_INET   1
#define AF_INET6  2
#define AF_UNIX   3
#define AF_LOCAL  AF_UNIX
#define PF_UNSPEC AF_UNSPEC
#define PF_INET   AF_INET
#define PF_INET6  AF_INET6
#define PF_UNIX   AF_UNIX
#define PF_LOCAL  AF_LOCAL

#define SOL_SOCKET 0x7fffffff
#ifndef SOL_IP
#define SOL_IP   0
#endif
#ifndef SOL_TCP
#define SOL_TCP  6
#endif
#ifndef SOL_UDP
#define SOL_UDP  17
#endif
#ifndef SOL_IPV6
#define SOL_IPV6 41
#endif

/* SO_DEBUG and SCM_RIGHTS have Linux's numbers (as the others here): there is
 * nothing to debug and no descriptor passing, so setsockopt(SO_DEBUG) fails
 * with ENOPROTOOPT and sendmsg with a control message fails, but programs
 * that name them (netcat -D / -F) compile. */
#define SO_DEBUG      1
#define SO_REUSEADDR  2
#define SO_TYPE       3
#define SO_ERROR      4
#define SO_DONTROUTE  5
#define SO_BROADCAST  6
#define SO_SNDBUF     7
#define SO_RCVBUF     8
#define SO_KEEPALIVE  9
#define SO_OOBINLINE  10
#define SO_LINGER     13
#define SO_REUSEPORT  15
#define SO_RCVLOWAT   18
#define SO_SNDLOWAT   19
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL   38
#define SO_DOMAIN     39
#define SO_RCVTIMEO   66
#define SO_SNDTIMEO   67

#define SOMAXCONN 128

#define SCM_RIGHTS      1
#define SCM_CREDENTIALS 2

#define MSG_OOB       0x0001
#define MSG_PEEK      0x0002
#define MSG_DONTROUTE 0x0004
#define MSG_CTRUNC    0x0008
#define MSG_TRUNC     0x0020
#define MSG_DONTWAIT  0x0040
#define MSG_EOR       0x0080
#define MSG_WAITALL   0x0100
#define MSG_NOSIGNAL  0x4000
#define MSG_MORE      0x8000

#define __CMSG_LEN(cmsg) (((cmsg)->cmsg_len + sizeof(long) - 1) & ~(long)(sizeof(long) - 1))
#define __CMSG_NEXT(cmsg) ((unsigned char *)(cmsg) + __CMSG_LEN(cmsg))
#define __MHDR_END(mhdr) ((unsigned char *)(mhdr)->msg_control + (mhdr)->msg_controllen)
#define CMSG_DATA(cmsg) ((unsigned char *) (((struct cmsghdr *)(cmsg)) + 1))
#define CMSG_NXTHDR(mhdr, cmsg) ((cmsg)->cmsg_len < sizeof (struct cmsghdr) || \
	__CMSG_LEN(cmsg) + sizeof(struct cmsghdr) >= __MHDR_END(mhdr) - (unsigned char *)(cmsg) \
	? 0 : (struct cmsghdr *)__CMSG_NEXT(cmsg))
#define CMSG_FIRSTHDR(mhdr) ((size_t) (mhdr)->msg_controllen >= sizeof (struct cmsghdr) ? (struct cmsghdr *) (mhdr)->msg_control : (struct cmsghdr *) 0)
#define CMSG_ALIGN(len) (((len) + sizeof (size_t) - 1) & (size_t) ~(sizeof (size_t) - 1))
#define CMSG_SPACE(len) (CMSG_ALIGN (len) + CMSG_ALIGN (sizeof (struct cmsghdr)))
#define CMSG_LEN(len)   (CMSG_ALIGN (sizeof (struct cmsghdr)) + (len))

int socket(int, int, int);
int socketpair(int, int, int, int [2]);
int bind(int, const struct sockaddr *, socklen_t);
int connect(int, const struct sockaddr *, socklen_t);
int listen(int, int);
int accept(int, struct sockaddr *__restrict, socklen_t *__restrict);
int accept4(int, struct sockaddr *__restrict, socklen_t *__restrict, int);
int shutdown(int, int);
int getsockname(int, struct sockaddr *__restrict, socklen_t *__restrict);
int getpeername(int, struct sockaddr *__restrict, socklen_t *__restrict);
ssize_t send(int, const void *, size_t, int);
ssize_t recv(int, void *, size_t, int);
ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
ssize_t recvfrom(int, void *__restrict, size_t, int, struct sockaddr *__restrict, socklen_t *__restrict);
ssize_t sendmsg(int, const struct msghdr *, int);
ssize_t recvmsg(int, struct msghdr *, int);

#ifdef _GNU_SOURCE
/* Linux's credential and multi-message structures, laid out as upstream's
 * wasm32-wasip2 headers lay them out.  Nothing here passes SCM_CREDENTIALS
 * and sendmmsg/recvmmsg are not provided: the types only, for code that
 * declares them unconditionally. */
struct ucred {
  pid_t pid;
  uid_t uid;
  gid_t gid;
};
struct mmsghdr {
  struct msghdr msg_hdr;
  unsigned int msg_len;
};
#endif
int getsockopt(int, int, int, void *__restrict, socklen_t *__restrict);
int setsockopt(int, int, int, const void *, socklen_t);

#ifdef __cplusplus
}
#endif
#endif
