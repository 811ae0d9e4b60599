// <wasi/version.h> says which WASI this is (__wasip2__, as upstream) and
// our version; <paths.h> has the usual names, and the one device path a
// component really has, _PATH_DEVNULL, opens.
#include <fcntl.h>
#include <paths.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/version.h>

#ifndef __wasip2__
#error "__wasip2__ not defined"
#endif
#if __wasip2_libc_version__ < 100
#error "version macro missing"
#endif

int main(void) {
  int failures = 0;
  printf("__wasip2__ %d, wasip2-libc %s (%d), WASI %s\n", __wasip2__, __wasip2_libc_version_string__,
         __wasip2_libc_version__, __wasip2_libc_wasi_version__);
  failures += strcmp(__wasip2_libc_wasi_version__, "0.2.0") != 0;
  int fd = open(_PATH_DEVNULL, O_WRONLY);
  printf("open(_PATH_DEVNULL = %s): %s\n", _PATH_DEVNULL, fd >= 0 ? "ok" : "FAIL");
  failures += fd < 0;
  if (fd >= 0) failures += write(fd, "x", 1) != 1, close(fd);
  printf("_PATH_BSHELL %s _PATH_TMP %s _PATH_DEFPATH %s\n", _PATH_BSHELL, _PATH_TMP, _PATH_DEFPATH);
  failures += strcmp(_PATH_BSHELL, "/bin/sh") || strcmp(_PATH_TMP, "/tmp/") || strcmp(_PATH_DEV, "/dev/");
  printf("%s\n", failures ? "FAILED" : "version and paths ok");
  return failures != 0;
}
