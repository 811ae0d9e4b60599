// err, errx, warn, warnx and their v- forms (<err.h>, BSD/glibc).  Debian's
// wasi-libc ships the header but not musl's err.o, so every program that
// calls them (netcat, most BSD tools) failed to link.  Output as glibc and
// musl: "progname: message: strerror(errno)\n" on stderr (no ": strerror"
// for the x forms), progname being the last part of argv[0]
// (src/env/main_void.c sets __progname).  err/errx then exit(status).
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_top.h"

static void emit(int with_errno, const char *fmt, va_list ap) {
  int e = errno;  // the message formatting must not change what is reported
  flockfile(stderr);
  fprintf(stderr, "%s: ", __progname ? __progname : "");
  if (fmt) {
    vfprintf(stderr, fmt, ap);
    if (with_errno)
      fputs(": ", stderr);
  }
  if (with_errno)
    fputs(strerror(e), stderr);
  putc('\n', stderr);
  funlockfile(stderr);
  errno = e;
}

void vwarn(const char *fmt, va_list ap) { emit(1, fmt, ap); }
void vwarnx(const char *fmt, va_list ap) { emit(0, fmt, ap); }

void warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarn(fmt, ap);
  va_end(ap);
}

void warnx(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vwarnx(fmt, ap);
  va_end(ap);
}

_Noreturn void verr(int status, const char *fmt, va_list ap) {
  vwarn(fmt, ap);
  exit(status);
}

_Noreturn void verrx(int status, const char *fmt, va_list ap) {
  vwarnx(fmt, ap);
  exit(status);
}

_Noreturn void err(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verr(status, fmt, ap);
}

_Noreturn void errx(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verrx(status, fmt, ap);
}
