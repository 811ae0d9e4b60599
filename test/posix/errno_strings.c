// Every errno value the bottom half can return has a real message in
// strerror/perror (not the "Unknown error"/"No error information" fallback),
// distinct messages for distinct values, and gai_strerror names every
// EAI_* code.
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

#define E(x) { x, #x }
static const struct { int v; const char *name; } errs[] = {
  E(EACCES), E(EADDRINUSE), E(EADDRNOTAVAIL), E(EAFNOSUPPORT), E(EAGAIN), E(EALREADY), E(EBADF),
  E(EBUSY), E(ECHILD), E(ECONNABORTED), E(ECONNREFUSED), E(ECONNRESET), E(EDEADLK), E(EDESTADDRREQ),
  E(EDOM), E(EDQUOT), E(EEXIST), E(EFAULT), E(EFBIG), E(EHOSTUNREACH), E(EILSEQ), E(EINPROGRESS),
  E(EINTR), E(EINVAL), E(EIO), E(EISCONN), E(EISDIR), E(ELOOP), E(EMFILE), E(EMLINK), E(EMSGSIZE),
  E(ENAMETOOLONG), E(ENODEV), E(ENOENT), E(ENOLCK), E(ENOMEM), E(ENOPROTOOPT), E(ENOSPC), E(ENOSYS),
  E(ENOTCONN), E(ENOTDIR), E(ENOTEMPTY), E(ENOTRECOVERABLE), E(ENOTSOCK), E(ENOTSUP), E(ENOTTY),
  E(ENXIO), E(EOPNOTSUPP), E(EOVERFLOW), E(EPERM), E(EPIPE), E(EPROTONOSUPPORT), E(ERANGE), E(EROFS),
  E(ESPIPE), E(ESRCH), E(ETIMEDOUT), E(ETXTBSY), E(EXDEV), E(ENETUNREACH), E(ENETDOWN), E(EPROTOTYPE),
  E(ENOBUFS), E(ECANCELED), E(ENFILE), E(E2BIG), E(ENOEXEC), E(ESTALE),
};

int main(void) {
  size_t n = sizeof errs / sizeof errs[0];
  for (size_t i = 0; i < n; i++) {
    errno = 0;
    const char *m = strerror(errs[i].v);
    int e = errno; // before printf, whose first call may probe the terminal
    OK(m && *m && !strstr(m, "Unknown error") && !strstr(m, "No error information"),
       "%s: %s", errs[i].name, m ? m : "(null)");
    // strerror must not set errno for a valid value
    CHECK(e == 0, "strerror(%s) set errno %d", errs[i].name, e);
    // EAGAIN/EWOULDBLOCK and ENOTSUP/EOPNOTSUPP may share a value; others must differ
    for (size_t j = 0; j < i; j++)
      CHECK(errs[j].v == errs[i].v || strcmp(strerror(errs[j].v), m) != 0,
            "%s and %s share the message \"%s\"", errs[j].name, errs[i].name, m);
  }
  // strerror_r (XSI form): the message, or ERANGE when the buffer is short
  char buf[64], tiny[4];
  CHECK_EQ(strerror_r(ENOENT, buf, sizeof buf), 0);
  CHECK_STR(buf, strerror(ENOENT));
  CHECK_EQ(strerror_r(ENOENT, tiny, sizeof tiny), ERANGE, "short buffer");
  // perror: "prefix: message\n" on stderr, errno preserved
  errno = ECONNREFUSED;
  perror("perror-check");
  CHECK_EQ(errno, ECONNREFUSED, "perror changed errno");
  static const struct { int v; const char *name; } eai[] = {
    E(EAI_BADFLAGS), E(EAI_NONAME), E(EAI_AGAIN), E(EAI_FAIL), E(EAI_FAMILY), E(EAI_SOCKTYPE),
    E(EAI_SERVICE), E(EAI_MEMORY), E(EAI_SYSTEM), E(EAI_OVERFLOW),
  };
  for (size_t i = 0; i < sizeof eai / sizeof eai[0]; i++) {
    const char *m = gai_strerror(eai[i].v);
    OK(m && *m && !strstr(m, "Unknown"), "%s: %s", eai[i].name, m ? m : "(null)");
  }
  return CHECK_DONE();
}
