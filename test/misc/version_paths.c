// <wasi/version.h> says which WASI this is (__wasip2__, as upstream) and
// our version; <paths.h> has the usual names, and the one device path a
// component really has, _PATH_DEVNULL, opens.
#include <fcntl.h>
#include <paths.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/version.h>
#include "check.h"

#ifndef __wasip2__
#error "__wasip2__ not defined"
#endif
#if __wasip2_libc_version__ < 100
#error "version macro missing"
#endif

int main(void) {
  printf("__wasip2__ %d, wasip2-libc %s (%d), WASI %s\n", __wasip2__, __wasip2_libc_version_string__,
         __wasip2_libc_version__, __wasip2_libc_wasi_version__);
  CHECK_STR(__wasip2_libc_wasi_version__, "0.2.0");
  int fd = open(_PATH_DEVNULL, O_WRONLY);
  printf("open(_PATH_DEVNULL = %s): %s\n", _PATH_DEVNULL, fd >= 0 ? "ok" : "FAIL");
  CHECK(fd >= 0);
  if (fd >= 0) { CHECK_EQ(write(fd, "x", 1), 1); close(fd); }
  printf("_PATH_BSHELL %s _PATH_TMP %s _PATH_DEFPATH %s\n", _PATH_BSHELL, _PATH_TMP, _PATH_DEFPATH);
  CHECK_STR(_PATH_BSHELL, "/bin/sh");
  CHECK_STR(_PATH_TMP, "/tmp/");
  CHECK_STR(_PATH_DEV, "/dev/");
  return CHECK_DONE();
}
