// utimensat/futimens/futimes/lutimes.  Always one set-times-at on the
// path with both timestamps explicit: the Node host breaks `now`
// (seconds divided by 1000 twice), `no-change` (it stats the preopen,
// which it refuses) and the fd form (milliseconds passed as seconds), so
// UTIME_NOW is read from the wall clock here and UTIME_OMIT from one
// stat-at.  Calls: 1, or 2 with UTIME_OMIT.  The fd forms go through the
// path the fd was opened with.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include "wasip2_fs.h"

static int set_times(int dirfd, const char *path, const struct timespec times[2], int flags) {
  static struct __wasip2_fs_at at; // static: see struct __wasip2_fs_at
  struct timespec t[2], now = { 0, 0 };
  if (flags & ~AT_SYMLINK_NOFOLLOW) { errno = EINVAL; return -1; }
  for (int i = 0; i < 2; i++) {
    if (!times) { t[i].tv_nsec = UTIME_NOW; continue; }
    t[i] = times[i];
    if (t[i].tv_nsec != UTIME_NOW && t[i].tv_nsec != UTIME_OMIT && (t[i].tv_nsec < 0 || t[i].tv_nsec >= 1000000000)) {
      errno = EINVAL;
      return -1;
    }
  }
  if (__wasip2_fs_resolve(dirfd, path, &at) < 0) return -1;
  wasi_filesystem_types_path_flags_t pf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : WASI_FILESYSTEM_TYPES_PATH_FLAGS_SYMLINK_FOLLOW;
  wasip2_string_t s = { (char *)at.rel, strlen(at.rel) };
  wasi_filesystem_types_error_code_t err;
  if (t[0].tv_nsec == UTIME_OMIT || t[1].tv_nsec == UTIME_OMIT) {
    wasi_filesystem_types_descriptor_stat_t ds;
    if (!wasi_filesystem_types_descriptor_stat_at(at.handle, pf, &s, &ds, &err)) return __wasip2_fs_fail(err);
    if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT) return 0;
    const wasip2_option_wasi_clocks_wall_clock_datetime_t *o[2] = { &ds.data_access_timestamp, &ds.data_modification_timestamp };
    for (int i = 0; i < 2; i++) {
      if (t[i].tv_nsec != UTIME_OMIT) continue;
      t[i].tv_sec = o[i]->is_some ? (time_t)o[i]->val.seconds : 0;
      t[i].tv_nsec = o[i]->is_some ? o[i]->val.nanoseconds : 0;
    }
  }
  if (t[0].tv_nsec == UTIME_NOW || t[1].tv_nsec == UTIME_NOW) {
    clock_gettime(CLOCK_REALTIME, &now);
    for (int i = 0; i < 2; i++) if (t[i].tv_nsec == UTIME_NOW) t[i] = now;
  }
  wasi_filesystem_types_new_timestamp_t nt[2];
  for (int i = 0; i < 2; i++) {
    if (t[i].tv_sec < 0) { errno = EINVAL; return -1; }
    nt[i].tag = WASI_FILESYSTEM_TYPES_NEW_TIMESTAMP_TIMESTAMP;
    nt[i].val.timestamp.seconds = t[i].tv_sec;
    nt[i].val.timestamp.nanoseconds = t[i].tv_nsec;
  }
  if (!wasi_filesystem_types_descriptor_set_times_at(at.handle, pf, &s, &nt[0], &nt[1], &err)) return __wasip2_fs_fail(err);
  return 0;
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags) {
  return set_times(dirfd, path, times, flags);
}

int futimens(int fd, const struct timespec times[2]) {
  struct __wasip2_fs_file *f = __wasip2_fs_file_get(fd, EBADF, NULL);
  if (!f) return -1;
  return set_times(AT_FDCWD, f->path, times, 0);
}

static const struct timespec *from_timeval(const struct timeval tv[2], struct timespec ts[2]) {
  if (!tv) return NULL;
  for (int i = 0; i < 2; i++) {
    if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000) return NULL;
    ts[i].tv_sec = tv[i].tv_sec;
    ts[i].tv_nsec = tv[i].tv_usec * 1000;
  }
  return ts;
}

static int bad_timeval(const struct timeval tv[2]) {
  return tv && (tv[0].tv_usec < 0 || tv[0].tv_usec >= 1000000 || tv[1].tv_usec < 0 || tv[1].tv_usec >= 1000000);
}

int futimes(int fd, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (bad_timeval(tv)) { errno = EINVAL; return -1; }
  return futimens(fd, from_timeval(tv, ts));
}

int lutimes(const char *path, const struct timeval tv[2]) {
  struct timespec ts[2];
  if (bad_timeval(tv)) { errno = EINVAL; return -1; }
  return utimensat(AT_FDCWD, path, from_timeval(tv, ts), AT_SYMLINK_NOFOLLOW);
}
