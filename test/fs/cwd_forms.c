// Every path function gives the same answer for one object named three
// ways: absolute, relative to the cwd after chdir, and relative through
// ".." from a subdirectory.  Each call's result (value and errno name) is
// printed once when the three forms agree, so the Linux run checks the
// answers themselves.  Covers the successes and the edges: "" (ENOENT), a
// missing name, a file used as a directory (ENOTDIR), a symlink loop
// (ELOOP), an over-long name (ENAMETOOLONG), and names outside every
// preopen reached with ".." from the cwd.
// oracle: linux
//! dir: /data
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>
#include "check.h"

static const char *base; // the preopen ($TEST_DIR natively)
static char top[512];    // base/t: the cwd of the relative form
static char sub[512];    // base/t/d: the cwd of the ".." form

static const char *ename(int e) {
  static const struct { int e; const char *n; } t[] = {
    { ENOENT, "ENOENT" }, { ENOTDIR, "ENOTDIR" }, { ELOOP, "ELOOP" }, { ENAMETOOLONG, "ENAMETOOLONG" },
    { EEXIST, "EEXIST" }, { EISDIR, "EISDIR" }, { ENOTEMPTY, "ENOTEMPTY" }, { EINVAL, "EINVAL" },
    { EACCES, "EACCES" }, { EPERM, "EPERM" }, { EBUSY, "EBUSY" }, { EBADF, "EBADF" }, { EXDEV, "EXDEV" },
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) if (t[i].e == e) return t[i].n;
  return "E?";
}

// name as form f sees it: 0 absolute, 1 relative to top, 2 "../name" from
// sub.  "" stays "" (it is no name at all) and a name starting with '/'
// stays as it is.
static const char *P(int f, const char *name) {
  static char ring[4][PATH_MAX + 600];
  static int i;
  char *b = ring[i++ & 3];
  if (!*name || *name == '/' || f == 1) snprintf(b, sizeof ring[0], "%s", name);
  else if (f == 0) snprintf(b, sizeof ring[0], "%s/%s", top, name);
  else snprintf(b, sizeof ring[0], "../%s", name);
  return b;
}
static const char *A(const char *name) { return P(0, name); }

static void put(const char *name, const char *data) {
  int fd = open(A(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0, "%s", name);
  if (data) REQUIRE(write(fd, data, strlen(data)) == (ssize_t)strlen(data));
  close(fd);
}
static void gone(const char *name) {
  struct stat st;
  if (lstat(A(name), &st) < 0) return;
  if (S_ISDIR(st.st_mode)) rmdir(A(name));
  else unlink(A(name));
}
// the fixed tree every call starts from
static void reset(void) {
  const char *extra[] = { "new", "d/new", "nd", "sl" };
  for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) gone(extra[i]);
  put("f", "hello");
  mkdir(A("d"), 0755);
  put("d/g", "in d");
  mkdir(A("empty"), 0755);
  gone("ln");
  REQUIRE(symlink("f", A("ln")) == 0);
  gone("loop");
  REQUIRE(symlink("loop", A("loop")) == 0);
  struct timeval tv[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
  REQUIRE(utimes(A("f"), tv) == 0);
}

// One call in its three forms.  op returns the value to compare (it may
// fold in what it observed: a size, a type, a count); errno is compared
// when it fails.
typedef long (*op_t)(int f, const char *a, const char *b);
static void same(const char *what, op_t op, const char *a, const char *b) {
  long r[3];
  int e[3];
  for (int f = 0; f < 3; f++) {
    reset();
    REQUIRE(chdir(f == 2 ? sub : top) == 0);
    errno = 0;
    r[f] = op(f, P(f, a), b ? P(f, b) : NULL);
    e[f] = r[f] < 0 ? errno : 0;
    REQUIRE(chdir(top) == 0);
  }
  CHECK(r[0] == r[1] && r[1] == r[2] && e[0] == e[1] && e[1] == e[2],
        "%s(%.64s): absolute %ld %s, relative %ld %s, via .. %ld %s", what, a, r[0], ename(e[0]), r[1], ename(e[1]),
        r[2], ename(e[2]));
  // the over-long name is shown by its length
  char shown[32];
  if (strlen(a) > 64) snprintf(shown, sizeof shown, "<%zu bytes>", strlen(a));
  const char *sa = strlen(a) > 64 ? shown : a, *sb = b ? b : "";
  if (r[0] < 0) printf("%s(%s%s%s): -1 %s\n", what, sa, b ? ", " : "", sb, ename(e[0]));
  else printf("%s(%s%s%s): %ld\n", what, sa, b ? ", " : "", sb, r[0]);
}

static long typeof_st(const struct stat *st) {
  return S_ISREG(st->st_mode) ? 1 : S_ISDIR(st->st_mode) ? 2 : S_ISLNK(st->st_mode) ? 3 : 4;
}
// the object's kind, size and times, never its inode (the forms agree by
// comparing inodes inside one run instead)
static long desc(const struct stat *st) {
  return typeof_st(st) * 1000000 + (S_ISDIR(st->st_mode) ? 0 : (long)st->st_size) * 10 +
         (st->st_mtime == 1000000000);
}
static long op_open(int f, const char *a, const char *b) {
  (void)f; (void)b;
  int fd = open(a, O_RDONLY);
  if (fd < 0) return -1;
  char buf[16];
  long n = read(fd, buf, sizeof buf);
  close(fd);
  return n;
}
static long op_open_dir(int f, const char *a, const char *b) {
  (void)f; (void)b;
  int fd = open(a, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return -1;
  close(fd);
  return 0;
}
static long op_creat(int f, const char *a, const char *b) {
  (void)b;
  int fd = open(a, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) return -1;
  long w = write(fd, "xyz", 3);
  close(fd);
  struct stat st;
  return stat(P(f, "new"), &st) == 0 ? w * 100 + (long)st.st_size : -2;
}
static long op_stat(int f, const char *a, const char *b) {
  (void)f; (void)b;
  struct stat st, st2;
  if (stat(a, &st) < 0) return -1;
  // the absolute form finds the same object
  if (stat(A("f"), &st2) == 0 && st.st_ino == st2.st_ino) return desc(&st) + 7;
  return desc(&st);
}
static long op_lstat(int f, const char *a, const char *b) {
  (void)f; (void)b;
  struct stat st;
  if (lstat(a, &st) < 0) return -1;
  return typeof_st(&st);
}
static long op_fstatat(int f, const char *a, const char *b) {
  (void)f; (void)b;
  struct stat st;
  if (fstatat(AT_FDCWD, a, &st, AT_SYMLINK_NOFOLLOW) < 0) return -1;
  return typeof_st(&st);
}
static long op_access(int f, const char *a, const char *b) {
  (void)f; (void)b;
  long r = 0;
  const int modes[] = { F_OK, R_OK, W_OK, X_OK, R_OK | W_OK };
  for (int i = 0; i < 5; i++) {
    if (access(a, modes[i]) == 0) r |= 1 << i;
    else if (errno != EACCES) return -1;
  }
  return r;
}
static long op_faccessat(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return faccessat(AT_FDCWD, a, R_OK, 0);
}
static long op_readlink(int f, const char *a, const char *b) {
  (void)f; (void)b;
  char buf[64];
  ssize_t n = readlink(a, buf, sizeof buf);
  if (n < 0) return -1;
  return n == 1 && buf[0] == 'f' ? 100 + n : n;
}
static long op_symlink(int f, const char *a, const char *b) {
  (void)b;
  if (symlink("f", a) < 0) return -1;
  char buf[8];
  return readlink(P(f, "sl"), buf, sizeof buf);
}
static long op_link(int f, const char *a, const char *b) {
  if (link(a, b) < 0) return -1;
  struct stat st;
  return stat(P(f, "f"), &st) == 0 ? (long)st.st_nlink : -2;
}
static long op_linkat(int f, const char *a, const char *b) {
  if (linkat(AT_FDCWD, a, AT_FDCWD, b, 0) < 0) return -1;
  struct stat st;
  return stat(P(f, "f"), &st) == 0 ? (long)st.st_nlink : -2;
}
static long op_rename(int f, const char *a, const char *b) {
  if (rename(a, b) < 0) return -1;
  struct stat st;
  return (stat(P(f, "f"), &st) < 0 && errno == ENOENT) * 10 + (stat(P(f, "new"), &st) == 0);
}
static long op_renameat(int f, const char *a, const char *b) {
  (void)f;
  return renameat(AT_FDCWD, a, AT_FDCWD, b);
}
static long op_unlink(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return unlink(a);
}
static long op_rmdir(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return rmdir(a);
}
static long op_remove(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return remove(a);
}
static long op_unlinkat_dir(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return unlinkat(AT_FDCWD, a, AT_REMOVEDIR);
}
static long op_mkdir(int f, const char *a, const char *b) {
  (void)b;
  if (mkdir(a, 0755) < 0) return -1;
  struct stat st;
  return stat(P(f, "nd"), &st) == 0 && S_ISDIR(st.st_mode) ? 1 : -2;
}
static long op_mkdirat(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return mkdirat(AT_FDCWD, a, 0755);
}
static long op_opendir(int f, const char *a, const char *b) {
  (void)f; (void)b;
  DIR *d = opendir(a);
  if (!d) return -1;
  long n = 0;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}
static long op_scandir(int f, const char *a, const char *b) {
  (void)f; (void)b;
  struct dirent **list;
  int n = scandir(a, &list, NULL, alphasort);
  if (n < 0) return -1;
  long r = n;
  for (int i = 0; i < n; i++) {
    if (!strcmp(list[i]->d_name, "g")) r += 100;
    free(list[i]);
  }
  free(list);
  return r;
}
static long mtime_of(int f) {
  struct stat st;
  return stat(P(f, "f"), &st) == 0 ? (long)st.st_mtime : -2;
}
static long op_utime(int f, const char *a, const char *b) {
  (void)b;
  struct utimbuf u = { 1234567, 2345678 };
  if (utime(a, &u) < 0) return -1;
  return mtime_of(f);
}
static long op_utimes(int f, const char *a, const char *b) {
  (void)b;
  struct timeval tv[2] = { { 7654321, 0 }, { 8765432, 0 } };
  if (utimes(a, tv) < 0) return -1;
  return mtime_of(f);
}
static long op_utimensat(int f, const char *a, const char *b) {
  (void)b;
  struct timespec ts[2] = { { 0, UTIME_OMIT }, { 3456789, 0 } };
  if (utimensat(AT_FDCWD, a, ts, 0) < 0) return -1;
  return mtime_of(f);
}
static long op_chmod(int f, const char *a, const char *b) {
  (void)f; (void)b;
  struct stat st;
  if (stat(a, &st) < 0) return -1;
  // the mode it already has: allowed everywhere
  return chmod(a, st.st_mode & 07777);
}
static long op_chown(int f, const char *a, const char *b) {
  (void)f; (void)b;
  return chown(a, (uid_t)-1, (gid_t)-1);
}
static long op_truncate(int f, const char *a, const char *b) {
  (void)b;
  if (truncate(a, 2) < 0) return -1;
  struct stat st;
  return stat(P(f, "f"), &st) == 0 ? (long)st.st_size : -2;
}
static long op_fopen(int f, const char *a, const char *b) {
  (void)f; (void)b;
  FILE *fp = fopen(a, "r");
  if (!fp) return -1;
  char buf[16];
  long n = (long)fread(buf, 1, sizeof buf, fp);
  fclose(fp);
  return n;
}
static long op_realpath(int f, const char *a, const char *b) {
  (void)f; (void)b;
  char *r = realpath(a, NULL);
  if (!r) return -1;
  // the answer is the absolute name, whatever the form
  char want[PATH_MAX];
  snprintf(want, sizeof want, "%s", A("f"));
  char *w = realpath(want, NULL);
  long ok = w && !strcmp(r, w);
  free(r);
  free(w);
  return ok ? 1 : 0;
}

int main(void) {
  base = getenv("TEST_DIR") ? getenv("TEST_DIR") : "/data";
  snprintf(top, sizeof top, "%s/t", base);
  snprintf(sub, sizeof sub, "%s/t/d", base);
  REQUIRE(mkdir(top, 0755) == 0 || errno == EEXIST);
  reset();
  // a name longer than PATH_MAX and one whose component is too long
  static char lng[PATH_MAX + 8];
  memset(lng, 'a', sizeof lng - 1);
  lng[sizeof lng - 1] = 0;
  const char *outside = "../../../../../../../../../../../../no_such_top_dir_wasip2/x";

  const char *reads[] = { "f", "ln", "d/g", "d/../f", "./f", "", "missing", "f/x", "loop", lng, outside, "f/" };
  for (size_t i = 0; i < sizeof reads / sizeof *reads; i++) {
    same("open", op_open, reads[i], NULL);
    same("stat", op_stat, reads[i], NULL);
    same("lstat", op_lstat, reads[i], NULL);
    same("fstatat", op_fstatat, reads[i], NULL);
    same("access", op_access, reads[i], NULL);
    same("faccessat", op_faccessat, reads[i], NULL);
    same("fopen", op_fopen, reads[i], NULL);
    same("realpath", op_realpath, reads[i], NULL);
    same("truncate", op_truncate, reads[i], NULL);
    same("utime", op_utime, reads[i], NULL);
    same("utimes", op_utimes, reads[i], NULL);
    same("utimensat", op_utimensat, reads[i], NULL);
    same("chmod", op_chmod, reads[i], NULL);
    same("chown", op_chown, reads[i], NULL);
  }
  const char *dirs[] = { "d", "empty", "d/", "empty/.", "empty/..", "f", "", "missing", "ln", "loop" };
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    same("open(O_DIRECTORY)", op_open_dir, dirs[i], NULL);
    same("opendir", op_opendir, dirs[i], NULL);
    same("scandir", op_scandir, dirs[i], NULL);
    same("rmdir", op_rmdir, dirs[i], NULL);
    same("unlinkat(AT_REMOVEDIR)", op_unlinkat_dir, dirs[i], NULL);
  }
  const char *links[] = { "ln", "f", "loop", "", "missing", "d/" };
  for (size_t i = 0; i < sizeof links / sizeof *links; i++) same("readlink", op_readlink, links[i], NULL);
  const char *gones[] = { "f", "ln", "d", "d/g", "", "missing", "f/x", "empty/." };
  for (size_t i = 0; i < sizeof gones / sizeof *gones; i++) {
    same("unlink", op_unlink, gones[i], NULL);
    same("remove", op_remove, gones[i], NULL);
  }
  const char *news[] = { "new", "f", "d", "", "missing/new", "f/new", "new/" };
  for (size_t i = 0; i < sizeof news / sizeof *news; i++) same("open(O_CREAT|O_EXCL)", op_creat, news[i], NULL);
  const char *mk[] = { "nd", "d", "", "missing/nd", "f/nd", "nd/" };
  for (size_t i = 0; i < sizeof mk / sizeof *mk; i++) {
    same("mkdir", op_mkdir, mk[i], NULL);
    same("mkdirat", op_mkdirat, mk[i], NULL);
  }
  const char *sl[] = { "sl", "f", "", "missing/sl" };
  for (size_t i = 0; i < sizeof sl / sizeof *sl; i++) same("symlink", op_symlink, sl[i], NULL);
  const char *pairs[][2] = {
    { "f", "new" }, { "f", "d/new" }, { "d/g", "new" }, { "missing", "new" }, { "f", "missing/new" },
    { "", "new" }, { "f", "" }, { "f", "d" }, { "d", "f" }, { "f", "f/x" }, { "d", "d/new" },
  };
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    same("link", op_link, pairs[i][0], pairs[i][1]);
    same("linkat", op_linkat, pairs[i][0], pairs[i][1]);
    same("rename", op_rename, pairs[i][0], pairs[i][1]);
    same("renameat", op_renameat, pairs[i][0], pairs[i][1]);
  }
  reset();
  return CHECK_DONE();
}
