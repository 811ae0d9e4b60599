// strtonum(3), OpenBSD's bounded string-to-integer conversion (declared in
// <bsd/stdlib.h>).  On Linux it comes from libbsd, which no component can
// link, so BSD-derived programs (netcat-openbsd parses every port, timeout
// and count with it) need it here.  Semantics as OpenBSD: 0 and
// *errstr = "invalid" (EINVAL) for no number, trailing junk or
// minval > maxval; "too small"/"too large" (ERANGE) out of range;
// otherwise the value and *errstr = NULL.
#include <bsd/stdlib.h>
#include <errno.h>
#include <limits.h>

long long strtonum(const char *numstr, long long minval, long long maxval,
                   const char **errstrp) {
  long long ll = 0;
  int error = 0;
  char *ep;
  const char *errstr = NULL;

  // errno is saved and restored: callers test it afterwards (nc checks
  // errno == EINVAL to try the string as a service name).
  int saved = errno;
  if (minval > maxval) {
    error = EINVAL;
    errstr = "invalid";
  } else {
    errno = 0;
    ll = strtoll(numstr, &ep, 10);
    if (numstr == ep || *ep != '\0') {
      error = EINVAL;
      errstr = "invalid";
    } else if ((ll == LLONG_MIN && errno == ERANGE) || ll < minval) {
      error = ERANGE;
      errstr = "too small";
    } else if ((ll == LLONG_MAX && errno == ERANGE) || ll > maxval) {
      error = ERANGE;
      errstr = "too large";
    }
  }
  if (errstrp != NULL)
    *errstrp = errstr;
  errno = error ? error : saved;
  return error ? 0 : ll;
}
