// strerror, strerror_l, __strerror_l: one message for every errno name
// <errno.h> defines, Debian's WASI numbers and the Linux-only names we add
// (include/errno.h).  Replaces Debian's strerror.o, whose table stops at the
// WASI names; perror, strerror_r and printf's %m reach this through
// strerror.  The texts are Linux's (glibc's), the oracle programs and their
// tests compare with; an unknown number is "Unknown error N" as there.
#include <errno.h>
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "wasip2_top.h"

// One blob of strings and a 16-bit offset per number (not 134 pointers):
// each message is a member of `struct msgstr`, so offsetof gives its place.
// Offset 0 is "Success"; any other number left at 0 has no message.
#define MSGS \
	E(E2BIG, "Argument list too long") \
	E(EACCES, "Permission denied") \
	E(EADDRINUSE, "Address already in use") \
	E(EADDRNOTAVAIL, "Cannot assign requested address") \
	E(EAFNOSUPPORT, "Address family not supported by protocol") \
	E(EAGAIN, "Resource temporarily unavailable") \
	E(EALREADY, "Operation already in progress") \
	E(EBADF, "Bad file descriptor") \
	E(EBADMSG, "Bad message") \
	E(EBUSY, "Device or resource busy") \
	E(ECANCELED, "Operation canceled") \
	E(ECHILD, "No child processes") \
	E(ECONNABORTED, "Software caused connection abort") \
	E(ECONNREFUSED, "Connection refused") \
	E(ECONNRESET, "Connection reset by peer") \
	E(EDEADLK, "Resource deadlock avoided") \
	E(EDESTADDRREQ, "Destination address required") \
	E(EDOM, "Numerical argument out of domain") \
	E(EDQUOT, "Disk quota exceeded") \
	E(EEXIST, "File exists") \
	E(EFAULT, "Bad address") \
	E(EFBIG, "File too large") \
	E(EHOSTUNREACH, "No route to host") \
	E(EIDRM, "Identifier removed") \
	E(EILSEQ, "Invalid or incomplete multibyte or wide character") \
	E(EINPROGRESS, "Operation now in progress") \
	E(EINTR, "Interrupted system call") \
	E(EINVAL, "Invalid argument") \
	E(EIO, "Input/output error") \
	E(EISCONN, "Transport endpoint is already connected") \
	E(EISDIR, "Is a directory") \
	E(ELOOP, "Too many levels of symbolic links") \
	E(EMFILE, "Too many open files") \
	E(EMLINK, "Too many links") \
	E(EMSGSIZE, "Message too long") \
	E(EMULTIHOP, "Multihop attempted") \
	E(ENAMETOOLONG, "File name too long") \
	E(ENETDOWN, "Network is down") \
	E(ENETRESET, "Network dropped connection on reset") \
	E(ENETUNREACH, "Network is unreachable") \
	E(ENFILE, "Too many open files in system") \
	E(ENOBUFS, "No buffer space available") \
	E(ENODEV, "No such device") \
	E(ENOENT, "No such file or directory") \
	E(ENOEXEC, "Exec format error") \
	E(ENOLCK, "No locks available") \
	E(ENOLINK, "Link has been severed") \
	E(ENOMEM, "Cannot allocate memory") \
	E(ENOMSG, "No message of desired type") \
	E(ENOPROTOOPT, "Protocol not available") \
	E(ENOSPC, "No space left on device") \
	E(ENOSYS, "Function not implemented") \
	E(ENOTCONN, "Transport endpoint is not connected") \
	E(ENOTDIR, "Not a directory") \
	E(ENOTEMPTY, "Directory not empty") \
	E(ENOTRECOVERABLE, "State not recoverable") \
	E(ENOTSOCK, "Socket operation on non-socket") \
	E(ENOTSUP, "Operation not supported") \
	E(ENOTTY, "Inappropriate ioctl for device") \
	E(ENXIO, "No such device or address") \
	E(EOVERFLOW, "Value too large for defined data type") \
	E(EOWNERDEAD, "Owner died") \
	E(EPERM, "Operation not permitted") \
	E(EPIPE, "Broken pipe") \
	E(EPROTO, "Protocol error") \
	E(EPROTONOSUPPORT, "Protocol not supported") \
	E(EPROTOTYPE, "Protocol wrong type for socket") \
	E(ERANGE, "Numerical result out of range") \
	E(EROFS, "Read-only file system") \
	E(ESPIPE, "Illegal seek") \
	E(ESRCH, "No such process") \
	E(ESTALE, "Stale file handle") \
	E(ETIMEDOUT, "Connection timed out") \
	E(ETXTBSY, "Text file busy") \
	E(EXDEV, "Invalid cross-device link") \
	E(ENOTCAPABLE, "Capabilities insufficient") \
	E(ENOTBLK, "Block device required") \
	E(ECHRNG, "Channel number out of range") \
	E(EL2NSYNC, "Level 2 not synchronized") \
	E(EL3HLT, "Level 3 halted") \
	E(EL3RST, "Level 3 reset") \
	E(ELNRNG, "Link number out of range") \
	E(EUNATCH, "Protocol driver not attached") \
	E(ENOCSI, "No CSI structure available") \
	E(EL2HLT, "Level 2 halted") \
	E(EBADE, "Invalid exchange") \
	E(EBADR, "Invalid request descriptor") \
	E(EXFULL, "Exchange full") \
	E(ENOANO, "No anode") \
	E(EBADRQC, "Invalid request code") \
	E(EBADSLT, "Invalid slot") \
	E(EBFONT, "Bad font file format") \
	E(ENOSTR, "Device not a stream") \
	E(ENODATA, "No data available") \
	E(ETIME, "Timer expired") \
	E(ENOSR, "Out of streams resources") \
	E(ENONET, "Machine is not on the network") \
	E(ENOPKG, "Package not installed") \
	E(EREMOTE, "Object is remote") \
	E(EADV, "Advertise error") \
	E(ESRMNT, "Srmount error") \
	E(ECOMM, "Communication error on send") \
	E(EDOTDOT, "RFS specific error") \
	E(ENOTUNIQ, "Name not unique on network") \
	E(EBADFD, "File descriptor in bad state") \
	E(EREMCHG, "Remote address changed") \
	E(ELIBACC, "Can not access a needed shared library") \
	E(ELIBBAD, "Accessing a corrupted shared library") \
	E(ELIBSCN, ".lib section in a.out corrupted") \
	E(ELIBMAX, "Attempting to link in too many shared libraries") \
	E(ELIBEXEC, "Cannot exec a shared library directly") \
	E(ERESTART, "Interrupted system call should be restarted") \
	E(ESTRPIPE, "Streams pipe error") \
	E(EUSERS, "Too many users") \
	E(ESOCKTNOSUPPORT, "Socket type not supported") \
	E(EPFNOSUPPORT, "Protocol family not supported") \
	E(ESHUTDOWN, "Cannot send after transport endpoint shutdown") \
	E(ETOOMANYREFS, "Too many references: cannot splice") \
	E(EHOSTDOWN, "Host is down") \
	E(EUCLEAN, "Structure needs cleaning") \
	E(ENOTNAM, "Not a XENIX named type file") \
	E(ENAVAIL, "No XENIX semaphores available") \
	E(EISNAM, "Is a named type file") \
	E(EREMOTEIO, "Remote I/O error") \
	E(ENOMEDIUM, "No medium found") \
	E(EMEDIUMTYPE, "Wrong medium type") \
	E(ENOKEY, "Required key not available") \
	E(EKEYEXPIRED, "Key has expired") \
	E(EKEYREVOKED, "Key has been revoked") \
	E(EKEYREJECTED, "Key was rejected by service") \
	E(ERFKILL, "Operation not possible due to RF-kill") \
	E(EHWPOISON, "Memory page has hardware error")

static const struct msgstr {
	char success[sizeof "Success"];
#define E(n, s) char m_##n[sizeof s];
	MSGS
#undef E
} msgstr = {
	"Success",
#define E(n, s) s,
	MSGS
#undef E
};

static const uint16_t msgoff[] = {
#define E(n, s) [n] = offsetof(struct msgstr, m_##n),
	MSGS
#undef E
};

char *strerror(int e) {
	static char unknown[sizeof "Unknown error -2147483648"] = "Unknown error ";
	if (e >= 0 && (size_t)e < sizeof msgoff / sizeof msgoff[0] && (e == 0 || msgoff[e]))
		return (char *)&msgstr + msgoff[e];
	// "Unknown error %d" without pulling snprintf into every perror user
	char digits[10];
	unsigned u = e < 0 ? -(unsigned)e : (unsigned)e;
	int n = 0;
	do digits[n++] = (char)('0' + u % 10); while (u /= 10);
	char *p = unknown + sizeof "Unknown error " - 1;
	if (e < 0) *p++ = '-';
	while (n) *p++ = digits[--n];
	*p = 0;
	return unknown;
}

// Only the C locale's messages exist (src/locale/locale_map.c).
char *__strerror_l(int e, locale_t loc) {
	(void)loc;
	return strerror(e);
}

__attribute__((__weak__, __alias__("__strerror_l"))) char *strerror_l(int, locale_t);
