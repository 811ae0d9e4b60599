/* Facts about upstream wasi-libc's wasm32-wasip2 ABI, recorded by hand for
 * the test/abi programs: the numbers an object compiled with the upstream
 * SDK's headers passes to (or reads back from) libc.  Sources: upstream's
 * public headers (libc-bottom-half/headers/public, the WASI preview1 errno
 * numbering its errno.h keeps) as checked against an upstream build for
 * wasm32-wasip2; see docs/compatibility.md, "Headers and ABI shared with
 * upstream".  Written as lists of F(name, value) so each program can turn
 * them into _Static_asserts.  The complete comparison (every macro, typedef
 * and struct of the public headers) is upstream_table.test.mjs over the
 * generated upstream_wasip2.tsv; this short list serves the run-time tests
 * (files.c, sockets.c) that read results back at upstream's offsets.  O_CLOEXEC is not here on purpose: upstream's
 * is 0, ours is a real bit, and 0 from upstream objects is accepted. */
#ifndef UPSTREAM_WASIP2_H
#define UPSTREAM_WASIP2_H

#define UPSTREAM_SOCKET_CONSTANTS \
  F(AF_UNSPEC, 0) F(AF_INET, 1) F(AF_INET6, 2) F(AF_UNIX, 3) \
  F(SOCK_DGRAM, 5) F(SOCK_STREAM, 6) F(SOCK_NONBLOCK, 0x4000) F(SOCK_CLOEXEC, 0x2000) \
  F(SOL_SOCKET, 0x7fffffff) F(SHUT_RD, 1) F(SHUT_WR, 2) F(SHUT_RDWR, 3) \
  F(MSG_PEEK, 0x2) F(MSG_WAITALL, 0x100) F(MSG_TRUNC, 0x20) F(MSG_DONTWAIT, 0x40) F(MSG_NOSIGNAL, 0x4000) \
  F(SO_REUSEADDR, 2) F(SO_TYPE, 3) F(SO_ERROR, 4) F(SO_SNDBUF, 7) F(SO_RCVBUF, 8) F(SO_KEEPALIVE, 9) \
  F(SO_ACCEPTCONN, 30) F(SO_PROTOCOL, 38) F(SO_DOMAIN, 39) F(SO_RCVTIMEO, 66) F(SO_SNDTIMEO, 67) \
  F(SOL_IP, 0) F(SOL_TCP, 6) F(SOL_UDP, 17) F(SOL_IPV6, 41) F(SOMAXCONN, 128) \
  F(IPPROTO_IP, 0) F(IPPROTO_TCP, 6) F(IPPROTO_UDP, 17) F(IPPROTO_IPV6, 41) \
  F(TCP_NODELAY, 1) F(TCP_KEEPIDLE, 4) F(TCP_KEEPINTVL, 5) F(TCP_KEEPCNT, 6) F(IPV6_V6ONLY, 26) \
  F(INADDR_ANY, 0) F(INADDR_LOOPBACK, 0x7f000001)

#define UPSTREAM_POLL_CONSTANTS \
  F(POLLIN, 0x1) F(POLLRDNORM, 0x1) F(POLLOUT, 0x2) F(POLLWRNORM, 0x2) F(POLLPRI, 0x200) \
  F(POLLERR, 0x1000) F(POLLHUP, 0x2000) F(POLLNVAL, 0x4000)

#define UPSTREAM_FILE_CONSTANTS \
  F(O_APPEND, 0x1) F(O_DSYNC, 0x2) F(O_NONBLOCK, 0x4) F(O_RSYNC, 0x8) F(O_SYNC, 0x10) \
  F(O_CREAT, 0x1000) F(O_DIRECTORY, 0x2000) F(O_EXCL, 0x4000) F(O_TRUNC, 0x8000) \
  F(O_NOFOLLOW, 0x1000000) F(O_EXEC, 0x2000000) F(O_RDONLY, 0x4000000) F(O_SEARCH, 0x8000000) \
  F(O_WRONLY, 0x10000000) F(O_RDWR, 0x14000000) F(O_ACCMODE, 0x1e000000) \
  F(F_GETFD, 1) F(F_SETFD, 2) F(F_GETFL, 3) F(F_SETFL, 4) F(FD_CLOEXEC, 1) \
  F(AT_FDCWD, -2) F(AT_EACCESS, 0) F(AT_SYMLINK_NOFOLLOW, 1) F(AT_SYMLINK_FOLLOW, 2) F(AT_REMOVEDIR, 4) \
  F(SEEK_SET, 0) F(SEEK_CUR, 1) F(SEEK_END, 2) \
  F(DT_UNKNOWN, 0) F(DT_BLK, 1) F(DT_CHR, 2) F(DT_DIR, 3) F(DT_REG, 4) F(DT_LNK, 7) \
  F(S_IFBLK, 0x6000) F(S_IFCHR, 0x2000) F(S_IFDIR, 0x4000) F(S_IFLNK, 0xa000) F(S_IFREG, 0x8000) \
  F(S_IFIFO, 0x1000) F(S_IFSOCK, 0xc000) F(S_IFMT, 0xf000) F(DT_FIFO, 6) F(DT_SOCK, 20) \
  F(F_DUPFD, 5) F(F_DUPFD_CLOEXEC, 6) F(F_GETLK, 7) F(F_SETLK, 8) F(F_SETLKW, 9)

/* the WASI preview1 errno numbers, which upstream's <errno.h> keeps on p2 */
#define UPSTREAM_ERRNO_VALUES \
  F(E2BIG, 1) \
  F(EACCES, 2) \
  F(EADDRINUSE, 3) \
  F(EADDRNOTAVAIL, 4) \
  F(EAFNOSUPPORT, 5) \
  F(EAGAIN, 6) \
  F(EALREADY, 7) \
  F(EBADF, 8) \
  F(EBADMSG, 9) \
  F(EBUSY, 10) \
  F(ECANCELED, 11) \
  F(ECHILD, 12) \
  F(ECONNABORTED, 13) \
  F(ECONNREFUSED, 14) \
  F(ECONNRESET, 15) \
  F(EDEADLK, 16) \
  F(EDESTADDRREQ, 17) \
  F(EDOM, 18) \
  F(EDQUOT, 19) \
  F(EEXIST, 20) \
  F(EFAULT, 21) \
  F(EFBIG, 22) \
  F(EHOSTUNREACH, 23) \
  F(EIDRM, 24) \
  F(EILSEQ, 25) \
  F(EINPROGRESS, 26) \
  F(EINTR, 27) \
  F(EINVAL, 28) \
  F(EIO, 29) \
  F(EISCONN, 30) \
  F(EISDIR, 31) \
  F(ELOOP, 32) \
  F(EMFILE, 33) \
  F(EMLINK, 34) \
  F(EMSGSIZE, 35) \
  F(EMULTIHOP, 36) \
  F(ENAMETOOLONG, 37) \
  F(ENETDOWN, 38) \
  F(ENETRESET, 39) \
  F(ENETUNREACH, 40) \
  F(ENFILE, 41) \
  F(ENOBUFS, 42) \
  F(ENODEV, 43) \
  F(ENOENT, 44) \
  F(ENOEXEC, 45) \
  F(ENOLCK, 46) \
  F(ENOLINK, 47) \
  F(ENOMEM, 48) \
  F(ENOMSG, 49) \
  F(ENOPROTOOPT, 50) \
  F(ENOSPC, 51) \
  F(ENOSYS, 52) \
  F(ENOTCONN, 53) \
  F(ENOTDIR, 54) \
  F(ENOTEMPTY, 55) \
  F(ENOTRECOVERABLE, 56) \
  F(ENOTSOCK, 57) \
  F(ENOTSUP, 58) \
  F(ENOTTY, 59) \
  F(ENXIO, 60) \
  F(EOVERFLOW, 61) \
  F(EOWNERDEAD, 62) \
  F(EPERM, 63) \
  F(EPIPE, 64) \
  F(EPROTO, 65) \
  F(EPROTONOSUPPORT, 66) \
  F(EPROTOTYPE, 67) \
  F(ERANGE, 68) \
  F(EROFS, 69) \
  F(ESPIPE, 70) \
  F(ESRCH, 71) \
  F(ESTALE, 72) \
  F(ETIMEDOUT, 73) \
  F(ETXTBSY, 74) \
  F(EXDEV, 75) \
  F(ENOTCAPABLE, 76) \
  F(EWOULDBLOCK, 6) F(EOPNOTSUPP, 58)

/* L(struct, sizeof or alignof, bytes) and O(struct, member, offset) */
#define UPSTREAM_LAYOUTS \
  L(sockaddr, sizeof, 16) L(sockaddr, alignof, 16) \
  L(sockaddr_in, sizeof, 16) L(sockaddr_in, alignof, 16) \
  O(sockaddr_in, sin_family, 0) O(sockaddr_in, sin_port, 2) O(sockaddr_in, sin_addr, 4) \
  L(sockaddr_in6, sizeof, 32) L(sockaddr_in6, alignof, 16) \
  O(sockaddr_in6, sin6_family, 0) O(sockaddr_in6, sin6_port, 2) O(sockaddr_in6, sin6_flowinfo, 4) \
  O(sockaddr_in6, sin6_addr, 8) O(sockaddr_in6, sin6_scope_id, 24) \
  L(sockaddr_storage, sizeof, 48) L(sockaddr_storage, alignof, 16) O(sockaddr_storage, ss_family, 0) \
  L(stat, sizeof, 144) L(stat, alignof, 8) \
  O(stat, st_dev, 0) O(stat, st_ino, 8) O(stat, st_nlink, 16) O(stat, st_mode, 24) O(stat, st_uid, 28) \
  O(stat, st_gid, 32) O(stat, st_rdev, 40) O(stat, st_size, 48) O(stat, st_blksize, 56) \
  O(stat, st_blocks, 64) O(stat, st_atim, 72) O(stat, st_mtim, 88) O(stat, st_ctim, 104) \
  L(dirent, sizeof, 16) O(dirent, d_ino, 0) O(dirent, d_type, 8) O(dirent, d_name, 9) \
  L(timespec, sizeof, 16) O(timespec, tv_sec, 0) O(timespec, tv_nsec, 8) \
  L(timeval, sizeof, 16) O(timeval, tv_usec, 8) \
  L(pollfd, sizeof, 8) O(pollfd, fd, 0) O(pollfd, events, 4) O(pollfd, revents, 6) \
  L(iovec, sizeof, 8) O(iovec, iov_base, 0) O(iovec, iov_len, 4) \
  L(msghdr, sizeof, 28) O(msghdr, msg_name, 0) O(msghdr, msg_namelen, 4) O(msghdr, msg_iov, 8) \
  O(msghdr, msg_iovlen, 12) O(msghdr, msg_control, 16) O(msghdr, msg_controllen, 20) O(msghdr, msg_flags, 24) \
  L(rusage, sizeof, 152) O(rusage, ru_stime, 16) O(rusage, ru_maxrss, 32)

#endif
