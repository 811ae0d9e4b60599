// memfd_create: an anonymous file, as on Linux: a temporary file created in
// $TMPDIR, /tmp or the current directory (the first that is a directory we
// may write; tmpfile's choice) and unlinked at once, so only the fd names
// it.  The name is Linux's debugging label and is checked as Linux does;
// MFD_HUGETLB has no meaning here (EINVAL); sealing is accepted but no seal
// can be added (fcntl F_ADD_SEALS is not supported).  With no writable
// directory the error is open's (e.g. ENOENT, EACCES).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int memfd_create(const char *name, unsigned flags) {
  if (!name) {
    errno = EFAULT;
    return -1;
  }
  // Linux: the label, without its "memfd:" prefix, is at most 249 bytes
  if (strlen(name) > 249 || (flags & ~(unsigned)(MFD_CLOEXEC | MFD_ALLOW_SEALING))) {
    errno = EINVAL;
    return -1;
  }
  const char *dirs[3] = { getenv("TMPDIR"), "/tmp", "." };
  char path[PATH_MAX];
  int err = ENOENT;
  for (int i = 0; i < 3; i++) {
    struct stat st;
    if (!dirs[i] || !*dirs[i] || stat(dirs[i], &st) < 0 || !S_ISDIR(st.st_mode)) continue;
    if (snprintf(path, sizeof path, "%s/memfd.XXXXXX", dirs[i]) >= (int)sizeof path) continue;
    int fd = mkostemp(path, (flags & MFD_CLOEXEC) ? O_CLOEXEC : 0);
    if (fd < 0) {
      err = errno;
      continue;
    }
    unlink(path);
    return fd;
  }
  errno = err;
  return -1;
}
