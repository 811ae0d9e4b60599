// utime(2), utimes(2) and upstream's __wasilibc_utimens: utimensat at the
// cwd.
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>
#include <fcntl.h>
#include <wasi/libc.h>

int __wasilibc_utimens(const char *path, const struct timespec times[2], int flags) {
  return utimensat(AT_FDCWD, path, times, flags);
}

int utime(const char *path, const struct utimbuf *times) {
  if (!times) return __wasilibc_utimens(path, NULL, 0);
  struct timespec ts[2] = { { .tv_sec = times->actime }, { .tv_sec = times->modtime } };
  return __wasilibc_utimens(path, ts, 0);
}

int utimes(const char *path, const struct timeval times[2]) {
  if (!times) return __wasilibc_utimens(path, NULL, 0);
  struct timespec ts[2] = {
    { .tv_sec = times[0].tv_sec, .tv_nsec = times[0].tv_usec * 1000 },
    { .tv_sec = times[1].tv_sec, .tv_nsec = times[1].tv_usec * 1000 },
  };
  return __wasilibc_utimens(path, ts, 0);
}
