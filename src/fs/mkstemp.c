// mkstemp family, mkdtemp and tmpfile, inside the preopens.  Names get 6
// random letters from getentropy (one host call per name); an EEXIST
// retries with new ones.  tmpfile() creates its file in $TMPDIR, else
// /tmp, else the current directory, and unlinks it at once (the host keeps
// an unlinked open file readable, as Linux does).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasip2_fs.h"

int getentropy(void *, size_t);

static int fill(char *x) {
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char r[6];
  if (getentropy(r, sizeof r) < 0) return -1;
  for (int i = 0; i < 6; i++) x[i] = chars[r[i] % (sizeof chars - 1)];
  return 0;
}

static char *slot(char *tmpl, int suffixlen) {
  // a name that cannot be a WASI string fails before any random bytes are drawn
  if (__wasip2_path_utf8(tmpl, SIZE_MAX) < 0) return NULL;
  size_t n = strlen(tmpl);
  if (suffixlen < 0 || n < (size_t)suffixlen + 6 || memcmp(tmpl + n - suffixlen - 6, "XXXXXX", 6)) {
    errno = EINVAL;
    return NULL;
  }
  return tmpl + n - suffixlen - 6;
}

int mkostemps(char *tmpl, int suffixlen, int flags) {
  char *x = slot(tmpl, suffixlen);
  if (!x) return -1;
  for (int tries = 0; tries < 100; tries++) {
    if (fill(x) < 0) return -1;
    int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | (flags & ~O_ACCMODE), 0600);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  memcpy(x, "XXXXXX", 6);
  errno = EEXIST;
  return -1;
}

int mkstemps(char *tmpl, int suffixlen) { return mkostemps(tmpl, suffixlen, 0); }
int mkostemp(char *tmpl, int flags) { return mkostemps(tmpl, 0, flags); }
int mkstemp(char *tmpl) { return mkostemps(tmpl, 0, 0); }

char *mkdtemp(char *tmpl) {
  char *x = slot(tmpl, 0);
  if (!x) return NULL;
  for (int tries = 0; tries < 100; tries++) {
    if (fill(x) < 0) return NULL;
    if (mkdir(tmpl, 0700) == 0) return tmpl;
    if (errno != EEXIST) return NULL;
  }
  memcpy(x, "XXXXXX", 6);
  errno = EEXIST;
  return NULL;
}

FILE *tmpfile(void) {
  const char *dirs[3] = { getenv("TMPDIR"), "/tmp", "." };
  char name[PATH_MAX];
  for (int i = 0; i < 3; i++) {
    struct stat st;
    if (!dirs[i] || !*dirs[i] || stat(dirs[i], &st) < 0 || !S_ISDIR(st.st_mode)) continue;
    if (snprintf(name, sizeof name, "%s/tmpf.XXXXXX", dirs[i]) >= (int)sizeof name) continue;
    int fd = mkstemp(name);
    if (fd < 0) continue;
    unlink(name);
    FILE *f = fdopen(fd, "w+");
    if (!f) close(fd);
    return f;
  }
  errno = ENOENT;
  return NULL;
}
