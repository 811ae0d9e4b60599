// The compatibility calls over the one resolver: upstream's
// __wasilibc_find_relpath family hands back a real directory fd for the
// preopen (usable with openat and every *at call), the __wasilibc_nocwd_*
// calls are the *at functions, and upstream's cwd-relative helpers
// (__wasilibc_link, once broken by a shared buffer) resolve each path on
// its own.  Also the rmdir edges that used to depend on how the old path
// splitter named a preopen's root.
//! dir: /data
//! dir: /other/nested
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-find-relpath.h>
#include <wasi/libc-nocwd.h>
#include "check.h"

static int put(const char *path, const char *data) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC);
  if (fd < 0) return -1;
  int ok = write(fd, data, strlen(data)) == (ssize_t)strlen(data);
  return close(fd) == 0 && ok ? 0 : -1;
}

int main(void) {
  char buf[64], *rel = buf;
  const char *prefix = NULL;
  struct stat st;
  REQUIRE(mkdir("/data/x", 0755) == 0 && put("/data/x/y", "why") == 0);

  // find_relpath: a real fd for the preopen, the rest in the caller's buffer
  int dfd = __wasilibc_find_relpath("/data/x/y", &prefix, &rel, sizeof buf);
  OK(dfd >= 3 && prefix && strcmp(prefix, "data") == 0 && rel == buf && strcmp(buf, "x/y") == 0,
     "find_relpath(/data/x/y): fd, prefix \"data\", rest \"x/y\"");
  int fd = openat(dfd, rel, O_RDONLY);
  OK(fd >= 0 && read(fd, buf, sizeof buf) == 3 && memcmp(buf, "why", 3) == 0, "openat(that fd, rest) reads the file");
  close(fd);
  OK(fstatat(dfd, ".", &st, 0) == 0 && S_ISDIR(st.st_mode), "the fd is the preopen's directory");
  rel = buf;
  OK(__wasilibc_find_relpath("/data", &prefix, &rel, sizeof buf) == dfd && strcmp(buf, ".") == 0,
     "the preopen itself: the same fd again, rest \".\"");
  // relative to the cwd, through ".."
  REQUIRE(chdir("/data/x") == 0);
  rel = buf;
  OK(__wasilibc_find_relpath("../x/./y", &prefix, &rel, sizeof buf) == dfd && strcmp(buf, "x/y") == 0,
     "relative path from the cwd, normalised");
  rel = buf;
  OK(__wasilibc_find_relpath("/other/nested/q", &prefix, &rel, sizeof buf) >= 3 && strcmp(prefix, "other/nested") == 0 &&
     strcmp(buf, "q") == 0, "another preopen: its own fd and prefix");
  // failures: upstream's errno values
  rel = buf;
  errno = 0;
  OK(__wasilibc_find_relpath("/nowhere/f", &prefix, &rel, sizeof buf) == -1 && errno == ENOENT,
     "outside every preopen: -1 ENOENT");
  rel = buf;
  errno = 0;
  OK(__wasilibc_find_relpath("/data/x/y", &prefix, &rel, 3) == -1 && errno == ERANGE, "buffer too small: ERANGE");
  rel = buf;
  errno = 0;
  OK(__wasilibc_find_relpath("", &prefix, &rel, sizeof buf) == -1 && errno == ENOENT, "empty path: ENOENT");
  // the program may close the fd: the next lookup opens a working one
  REQUIRE(close(dfd) == 0);
  rel = buf;
  int dfd2 = __wasilibc_find_relpath("/data/x/y", &prefix, &rel, sizeof buf);
  OK(dfd2 >= 3 && fstatat(dfd2, rel, &st, 0) == 0 && st.st_size == 3, "after close: a new fd that works");

  const char *rp = NULL;
  OK(__wasilibc_find_abspath("data/x/y", &prefix, &rp) == dfd2 && rp && strcmp(rp, "x/y") == 0,
     "find_abspath takes the path as absolute, whatever the cwd");
  char *abuf = NULL;
  size_t alen = 0;
  OK(__wasilibc_find_relpath_alloc("y", &prefix, &abuf, &alen, 1) == dfd2 && abuf && strcmp(abuf, "x/y") == 0 &&
     alen >= 4, "find_relpath_alloc grows the caller's buffer");
  char small[2] = "", *sp = small;
  size_t slen = sizeof small;
  errno = 0;
  OK(__wasilibc_find_relpath_alloc("y", &prefix, &sp, &slen, 0) == -1 && errno == ERANGE,
     "find_relpath_alloc without realloc: ERANGE");
  free(abuf);

  // the nocwd names are the *at functions (any fd, AT_FDCWD too)
  OK(__wasilibc_nocwd_fstatat(dfd2, "x/y", &st, 0) == 0 && st.st_size == 3, "nocwd_fstatat on the fd");
  fd = __wasilibc_nocwd_openat_nomode(AT_FDCWD, "y", O_RDONLY);
  OK(fd >= 0 && close(fd) == 0, "nocwd_openat_nomode at the cwd");
  OK(__wasilibc_nocwd_mkdirat_nomode(dfd2, "m") == 0 && stat("/data/m", &st) == 0 && S_ISDIR(st.st_mode),
     "nocwd_mkdirat_nomode");
  OK(__wasilibc_nocwd_renameat(dfd2, "m", AT_FDCWD, "m2") == 0 && stat("/data/x/m2", &st) == 0, "nocwd_renameat, two bases");
  OK(__wasilibc_nocwd___wasilibc_rmdirat(AT_FDCWD, "m2") == 0, "nocwd rmdirat");
  DIR *d = __wasilibc_nocwd_opendirat(dfd2, "x");
  OK(d != NULL, "nocwd_opendirat");
  if (d) closedir(d);

  // upstream's cwd-relative link: both names resolved on their own
  OK(__wasilibc_link("y", "/data/x/y2", 0) == 0 && stat("y2", &st) == 0 && st.st_nlink == 2,
     "__wasilibc_link(relative, absolute)");
  OK(__wasilibc_link_oldat(dfd2, "x/y", "y3", 0) == 0 && stat("/data/x/y3", &st) == 0 && st.st_nlink == 3,
     "__wasilibc_link_oldat");
  OK(__wasilibc_rename_newat("y3", dfd2, "y4") == 0 && stat("/data/y4", &st) == 0, "__wasilibc_rename_newat");
  OK(__wasilibc_stat("y2", &st, 0) == 0 && st.st_nlink == 3 && __wasilibc_access("y2", R_OK, 0) == 0,
     "__wasilibc_stat, __wasilibc_access");

  // rmdir of the roots and of names ending in "." or "..", as Linux
  errno = 0;
  OK(rmdir("/") == -1 && errno == EBUSY, "rmdir(\"/\"): EBUSY");
  errno = 0;
  OK(rmdir("/data") == -1 && errno == EBUSY, "rmdir of a preopen: EBUSY");
  errno = 0;
  OK(rmdir("/other") == -1 && errno == EROFS, "rmdir of a virtual directory: EROFS");
  errno = 0;
  OK(rmdir("/data/.") == -1 && errno == EINVAL, "rmdir(\"/data/.\"): EINVAL");
  REQUIRE(chdir("/data") == 0);
  errno = 0;
  OK(rmdir(".") == -1 && errno == EINVAL, "rmdir(\".\") at a preopen's root: EINVAL");
  errno = 0;
  OK(rmdir("x/..") == -1 && errno == ENOTEMPTY, "rmdir(\"x/..\"): ENOTEMPTY");
  OK(stat("/data", &st) == 0 && stat("/data/x", &st) == 0, "and nothing was removed");
  return CHECK_DONE();
}
