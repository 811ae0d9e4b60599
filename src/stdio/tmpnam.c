// tmpnam(3), tmpnam_r and tempnam(3): Debian's top half has none of them.
// A name is "<dir>/<prefix>" plus 6 random letters (getentropy), checked
// not to exist with lstat.  The directory is the first existing one of:
//   tmpnam:  $TMPDIR, then P_tmpdir ("/tmp"); with a caller's buffer the
//            whole name must fit L_tmpnam (20) bytes, so a long $TMPDIR is
//            skipped for /tmp
//   tempnam: $TMPDIR, the dir argument, P_tmpdir ("/tmp")
// (a directory exists only under a preopen: `--dir HOST::/tmp` for the
// default).  Without one, NULL with errno ENOENT.  As everywhere, the name
// may be taken by someone else before it is used: mkstemp/tmpfile are the
// race-free calls.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

// Writes "<dir>/<pfx>XXXXXX" (random) into buf; 0, or -1 with errno.
static int make_name(char *buf, size_t cap, const char *dir, const char *pfx) {
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  size_t dl = strlen(dir), pl = strlen(pfx);
  while (dl > 1 && dir[dl - 1] == '/') dl--;  // "/tmp/" -> "/tmp"
  if (dl + 1 + pl + 6 + 1 > cap) {
    errno = ENAMETOOLONG;
    return -1;
  }
  for (int tries = 0; tries < TMP_MAX; tries++) {
    unsigned char r[6];
    if (getentropy(r, sizeof r) < 0) return -1;
    char *p = buf;
    memcpy(p, dir, dl), p += dl;
    if (dl != 1 || dir[0] != '/') *p++ = '/';
    memcpy(p, pfx, pl), p += pl;
    for (int i = 0; i < 6; i++) *p++ = chars[r[i] % (sizeof chars - 1)];
    *p = 0;
    struct stat st;
    if (lstat(buf, &st) < 0 && errno == ENOENT) return 0;
  }
  errno = EEXIST;
  return -1;
}

static int is_dir(const char *d) {
  struct stat st;
  return d && *d && stat(d, &st) == 0 && S_ISDIR(st.st_mode);
}

char *tmpnam(char *s) {
  static char internal[PATH_MAX];
  char *buf = s ? s : internal;
  size_t cap = s ? L_tmpnam : sizeof internal;
  const char *dirs[2] = { getenv("TMPDIR"), P_tmpdir };
  for (int i = 0; i < 2; i++) {
    if (!is_dir(dirs[i])) continue;
    if (make_name(buf, cap, dirs[i], "tmp.") == 0) return buf;
  }
  errno = ENOENT;
  return NULL;
}

char *tmpnam_r(char *s) {
  return s ? tmpnam(s) : NULL;
}

char *tempnam(const char *dir, const char *pfx) {
  const char *dirs[3] = { getenv("TMPDIR"), dir, P_tmpdir };
  if (!pfx) pfx = "file";
  char buf[PATH_MAX];
  for (int i = 0; i < 3; i++) {
    if (!is_dir(dirs[i])) continue;
    if (make_name(buf, sizeof buf, dirs[i], pfx) == 0) return strdup(buf);
  }
  errno = ENOENT;
  return NULL;
}
