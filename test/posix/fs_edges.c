// POSIX/Linux edge cases of the file-system calls: open flag combinations,
// mkdir/rmdir/unlink/rename/link/symlink/readlink errors, trailing slashes,
// non-directory path components, symlink loops, getcwd/chdir limits.
//! dir: /data
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
#define CHECK(cond, ...) do { if (!(cond)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)
#define EXPECT_ERR(call, e) do { errno = 0; long r_ = (long)(call); \
  if (r_ != -1 || errno != (e)) { printf("FAIL %s:%d: %s gave %ld errno %d (%s), want -1 %s\n", __FILE__, __LINE__, #call, r_, errno, strerror(errno), #e); failures++; } \
  else printf("ok: %s -> %s\n", #call, #e); } while (0)
#define EXPECT_VAL(call, v) do { errno = 4321; long r_ = (long)(call); \
  if (r_ != (long)(v) || errno != 4321) { printf("FAIL %s:%d: %s gave %ld errno %d (%s), want %ld errno unchanged\n", __FILE__, __LINE__, #call, r_, errno, strerror(errno), (long)(v)); failures++; } \
  else printf("ok: %s -> %ld\n", #call, (long)(v)); } while (0)
#define EXPECT_OK(call) EXPECT_VAL(call, 0)

static void put(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0, "create %s: %s", path, strerror(errno));
  if (fd >= 0) { CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write %s", path); close(fd); }
}

static long size_of(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void opens(void) {
  put("/data/f", "contents");
  // O_CREAT|O_DIRECTORY: EINVAL (Linux >= 6.4, and nothing is created)
  EXPECT_ERR(open("/data/newdir", O_RDONLY | O_CREAT | O_DIRECTORY, 0755), EINVAL);
  EXPECT_ERR(access("/data/newdir", F_OK), ENOENT);
  // O_DIRECTORY on a regular file
  EXPECT_ERR(open("/data/f", O_RDONLY | O_DIRECTORY), ENOTDIR);
  // O_EXCL without O_CREAT is ignored for regular files
  int fd = open("/data/f", O_RDONLY | O_EXCL);
  CHECK(fd >= 0, "O_EXCL alone: %s", strerror(errno));
  close(fd);
  EXPECT_ERR(open("/data/f", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  EXPECT_ERR(open("/data/missing", O_RDONLY), ENOENT);
  EXPECT_ERR(open("", O_RDONLY), ENOENT);
  // Linux truncates on O_RDONLY|O_TRUNC (POSIX leaves it unspecified)
  fd = open("/data/f", O_RDONLY | O_TRUNC);
  CHECK(fd >= 0, "O_RDONLY|O_TRUNC: %s", strerror(errno));
  close(fd);
  EXPECT_VAL(size_of("/data/f"), 0);
  put("/data/f", "contents");
  // a trailing slash demands a directory
  EXPECT_ERR(open("/data/f/", O_RDONLY), ENOTDIR);
  EXPECT_ERR(open("/data/newfile/", O_WRONLY | O_CREAT, 0644), EISDIR);
  EXPECT_ERR(access("/data/newfile", F_OK), ENOENT);
  struct stat st;
  EXPECT_ERR(stat("/data/f/", &st), ENOTDIR);
  EXPECT_ERR(stat("", &st), ENOENT);
  // a non-directory in the middle of a path
  EXPECT_ERR(open("/data/f/x", O_RDONLY), ENOTDIR);
  EXPECT_ERR(open("/data/f/x", O_WRONLY | O_CREAT, 0644), ENOTDIR);
  EXPECT_ERR(stat("/data/f/x", &st), ENOTDIR);
  EXPECT_ERR(mkdir("/data/f/x", 0755), ENOTDIR);
  EXPECT_ERR(access("/data/f/x", F_OK), ENOTDIR);
  // openat: a regular file as dirfd is ENOTDIR, a bad one EBADF; an
  // absolute path ignores dirfd
  fd = open("/data/f", O_RDONLY);
  EXPECT_ERR(openat(fd, "x", O_RDONLY), ENOTDIR);
  EXPECT_ERR(openat(99, "x", O_RDONLY), EBADF);
  int fd2 = openat(99, "/data/f", O_RDONLY);
  CHECK(fd2 >= 0, "openat(bad, absolute): %s", strerror(errno));
  close(fd2);
  // fdopendir on a regular file
  errno = 0;
  CHECK(fdopendir(fd) == NULL && errno == ENOTDIR, "fdopendir(file) errno %d", errno);
  close(fd);
  errno = 0;
  CHECK(opendir("/data/f") == NULL && errno == ENOTDIR, "opendir(file) errno %d", errno);
  errno = 0;
  CHECK(opendir("/data/missing") == NULL && errno == ENOENT, "opendir(missing) errno %d", errno);
  // names too long: a component over NAME_MAX, a path over PATH_MAX
  char name[NAME_MAX + 20];
  memset(name, 'n', sizeof name - 1);
  name[sizeof name - 1] = 0;
  char path[PATH_MAX + 64];
  snprintf(path, sizeof path, "/data/%s", name);
  EXPECT_ERR(open(path, O_RDONLY), ENAMETOOLONG);
  memset(path, 'a', sizeof path - 1);
  path[0] = '/';
  path[sizeof path - 1] = 0;
  EXPECT_ERR(open(path, O_RDONLY), ENAMETOOLONG);
  // access: bad mode bits
  EXPECT_ERR(access("/data/f", 0x100), EINVAL);
  EXPECT_OK(access("/data/f", R_OK | W_OK));
  // truncate
  EXPECT_ERR(truncate("/data/f", -1), EINVAL);
  EXPECT_ERR(truncate("/data/missing", 0), ENOENT);
}

static void dirs(void) {
  EXPECT_OK(mkdir("/data/d", 0755));
  EXPECT_ERR(mkdir("/data/d", 0755), EEXIST);
  EXPECT_ERR(mkdir("/data/f", 0755), EEXIST);
  EXPECT_ERR(mkdir("/data/nope/sub", 0755), ENOENT);
  EXPECT_OK(mkdir("/data/d2/", 0755)); // a trailing slash is fine for mkdir
  put("/data/d/inner", "x");
  EXPECT_ERR(rmdir("/data/d"), ENOTEMPTY);
  EXPECT_ERR(rmdir("/data/f"), ENOTDIR);
  EXPECT_ERR(rmdir("/data/missing"), ENOENT);
  EXPECT_ERR(rmdir("/data/d2/."), EINVAL);
  EXPECT_OK(chdir("/data/d2"));
  EXPECT_ERR(rmdir("."), EINVAL);
  EXPECT_OK(chdir("/data"));
  // unlink of a directory: Linux says EISDIR (POSIX: EPERM)
  EXPECT_ERR(unlink("/data/d2"), EISDIR);
  EXPECT_ERR(unlink("/data/missing"), ENOENT);
  EXPECT_ERR(unlink("/data/f/"), ENOTDIR);
  EXPECT_ERR(unlinkat(AT_FDCWD, "/data/f", AT_REMOVEDIR), ENOTDIR);
  EXPECT_ERR(unlinkat(AT_FDCWD, "/data/f", 0x4000), EINVAL);
  // rename
  EXPECT_ERR(rename("/data/d2", "/data/d"), ENOTEMPTY);  // onto a non-empty dir
  EXPECT_ERR(rename("/data/f", "/data/d2"), EISDIR);      // file onto a dir
  EXPECT_ERR(rename("/data/d2", "/data/f"), ENOTDIR);     // dir onto a file
  EXPECT_ERR(rename("/data/missing", "/data/x"), ENOENT);
  EXPECT_ERR(rename("/data/d", "/data/d/sub"), EINVAL);   // into itself
  EXPECT_OK(rename("/data/f", "/data/f"));                // same file: no-op
  EXPECT_VAL(size_of("/data/f"), 8);
  EXPECT_OK(mkdir("/data/empty", 0755));
  EXPECT_OK(rename("/data/d2", "/data/empty"));           // onto an empty dir
  EXPECT_ERR(access("/data/d2", F_OK), ENOENT);
  // link
  EXPECT_ERR(link("/data/d", "/data/dlink"), EPERM);
  EXPECT_ERR(link("/data/f", "/data/d/inner"), EEXIST);
  EXPECT_ERR(link("/data/missing", "/data/l"), ENOENT);
  EXPECT_OK(link("/data/f", "/data/hard"));
  struct stat st;
  EXPECT_OK(stat("/data/f", &st));
  CHECK(st.st_nlink == 2, "nlink after link %d", (int)st.st_nlink);
  // getcwd: size 0 with a buffer is EINVAL, too small is ERANGE
  char small[4], big[PATH_MAX];
  EXPECT_VAL(getcwd(big, sizeof big) == big, 1);
  CHECK(strcmp(big, "/data") == 0, "cwd %s", big);
  errno = 0;
  CHECK(getcwd(big, 0) == NULL && errno == EINVAL, "getcwd(buf,0) errno %d", errno);
  errno = 0;
  CHECK(getcwd(small, sizeof small) == NULL && errno == ERANGE, "getcwd(small) errno %d", errno);
  errno = 0;
  CHECK(getcwd(big, 5) == NULL && errno == ERANGE, "getcwd without room for the NUL: errno %d", errno);
  CHECK(getcwd(big, 6) == big, "getcwd size 6 (exact)");
  char *a = getcwd(NULL, 0);
  CHECK(a && strcmp(a, "/data") == 0, "getcwd(NULL,0)");
  free(a);
  EXPECT_ERR(chdir("/data/f"), ENOTDIR);
  EXPECT_ERR(chdir("/data/missing"), ENOENT);
  EXPECT_ERR(chdir(""), ENOENT);
  // O_CREAT on an existing directory is EISDIR whatever the access mode
  EXPECT_ERR(open("/data/d", O_WRONLY | O_CREAT, 0644), EISDIR);
  EXPECT_ERR(open("/data/d", O_RDONLY | O_CREAT, 0644), EISDIR);
  EXPECT_ERR(open("/data/d", O_WRONLY | O_TRUNC), EISDIR);
  // empty paths are ENOENT everywhere
  EXPECT_ERR(mkdir("", 0755), ENOENT);
  EXPECT_ERR(rmdir(""), ENOENT);
  EXPECT_ERR(unlink(""), ENOENT);
  EXPECT_ERR(rename("", "/data/x"), ENOENT);
  EXPECT_ERR(rename("/data/f", ""), ENOENT);
  EXPECT_ERR(access("", F_OK), ENOENT);
  // a trailing slash on a file operand is ENOTDIR
  EXPECT_ERR(rename("/data/f/", "/data/x"), ENOTDIR);
  EXPECT_ERR(link("/data/f/", "/data/x"), ENOTDIR);
  // unknown flags on the *at calls are EINVAL
  struct stat st2;
  EXPECT_ERR(fstatat(AT_FDCWD, "/data/f", &st2, 0x40000), EINVAL);
  EXPECT_ERR(faccessat(AT_FDCWD, "/data/f", F_OK, 0x40000), EINVAL);
  EXPECT_ERR(linkat(AT_FDCWD, "/data/f", AT_FDCWD, "/data/x", 0x40000), EINVAL);
  struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
  EXPECT_ERR(utimensat(AT_FDCWD, "/data/f", bad, 0), EINVAL);
  EXPECT_ERR(utimensat(AT_FDCWD, "/data/f", NULL, 0x40000), EINVAL);
}

static void links(void) {
  char buf[64];
  EXPECT_OK(symlink("f", "/data/sl"));
  EXPECT_ERR(symlink("f", "/data/sl"), EEXIST);
  EXPECT_ERR(symlink("f", "/data/f"), EEXIST);
  EXPECT_ERR(readlink("/data/f", buf, sizeof buf), EINVAL);     // not a link
  EXPECT_ERR(readlink("/data/missing", buf, sizeof buf), ENOENT);
  EXPECT_ERR(readlink("/data/sl", buf, 0), EINVAL);             // Linux: bufsiz 0
  EXPECT_ERR(symlink("", "/data/emptylink"), ENOENT);           // Linux: empty target
  // a short buffer truncates silently, without a NUL
  memset(buf, '#', sizeof buf);
  EXPECT_OK(symlink("0123456789", "/data/long"));
  EXPECT_VAL(readlink("/data/long", buf, 4), 4);
  CHECK(memcmp(buf, "0123#", 5) == 0, "readlink truncation: %.6s", buf);
  EXPECT_VAL(readlink("/data/long", buf, sizeof buf), 10);
  CHECK(buf[10] == '#', "readlink wrote a NUL");
  // dangling link: stat ENOENT, lstat fine
  struct stat st;
  EXPECT_ERR(stat("/data/long", &st), ENOENT);
  EXPECT_OK(lstat("/data/long", &st));
  CHECK(S_ISLNK(st.st_mode), "lstat mode %o", (unsigned)st.st_mode);
  // O_NOFOLLOW on a symlink: ELOOP
  EXPECT_ERR(open("/data/sl", O_RDONLY | O_NOFOLLOW), ELOOP);
  // a symlink loop
  EXPECT_OK(symlink("loop2", "/data/loop1"));
  EXPECT_OK(symlink("loop1", "/data/loop2"));
  EXPECT_ERR(open("/data/loop1", O_RDONLY), ELOOP);
  EXPECT_ERR(stat("/data/loop1", &st), ELOOP);
  EXPECT_ERR(open("/data/loop1/x", O_RDONLY), ELOOP);
  // a symlink to a file used as a directory
  EXPECT_ERR(open("/data/sl/x", O_RDONLY), ENOTDIR);
  // unlink removes the link, not its target
  EXPECT_OK(unlink("/data/sl"));
  EXPECT_OK(access("/data/f", F_OK));
}

static void misc(void) {
  // directory streams: "." and ".." are listed, a removed entry is gone
  // after rewinddir, closedir closes the fd fdopendir took
  put("/data/rd_a", "a");
  DIR *dir = opendir("/data");
  CHECK(dir != NULL, "opendir /data");
  int dot = 0, dotdot = 0, a = 0;
  struct dirent *e;
  while ((e = readdir(dir))) {
    dot += strcmp(e->d_name, ".") == 0;
    dotdot += strcmp(e->d_name, "..") == 0;
    a += strcmp(e->d_name, "rd_a") == 0;
  }
  CHECK(dot == 1 && dotdot == 1 && a == 1, "readdir saw . %d .. %d rd_a %d", dot, dotdot, a);
  EXPECT_OK(unlink("/data/rd_a"));
  rewinddir(dir);
  a = 0;
  errno = 0;
  while ((e = readdir(dir))) a += strcmp(e->d_name, "rd_a") == 0;
  CHECK(a == 0 && errno == 0, "rewinddir: rd_a %d, errno %d at end", a, errno);
  EXPECT_OK(closedir(dir));
  int fd = open("/data/d", O_RDONLY | O_DIRECTORY);
  dir = fdopendir(fd);
  CHECK(dir != NULL && dirfd(dir) == fd, "fdopendir");
  EXPECT_OK(closedir(dir));
  EXPECT_ERR(fcntl(fd, F_GETFD), EBADF);
  // mkstemp/mkdtemp: the template must end in XXXXXX
  char t1[] = "/data/tmpXXXXX";
  EXPECT_ERR(mkstemp(t1), EINVAL);
  char t2[] = "/data/tmp";
  errno = 0;
  CHECK(mkdtemp(t2) == NULL && errno == EINVAL, "mkdtemp bad template errno %d", errno);
  char t3[] = "/data/tmpXXXXXX";
  fd = mkstemp(t3);
  CHECK(fd >= 0 && strcmp(t3, "/data/tmpXXXXXX") != 0, "mkstemp %s", t3);
  close(fd);
  // realpath
  char rp[PATH_MAX];
  errno = 0;
  CHECK(realpath("/data/missing", rp) == NULL && errno == ENOENT, "realpath(missing) errno %d", errno);
  errno = 0;
  CHECK(realpath("/data/f/", rp) == NULL && errno == ENOTDIR, "realpath(file/) errno %d", errno);
  errno = 0;
  CHECK(realpath(NULL, rp) == NULL && errno == EINVAL, "realpath(NULL) errno %d", errno);
  CHECK(realpath("/data/d/../f", rp) && strcmp(rp, "/data/f") == 0, "realpath(d/../f)");
  // posix_fadvise returns the error number
  fd = open("/data/f", O_RDONLY);
  CHECK(posix_fadvise(fd, 0, 0, 12345) == EINVAL, "posix_fadvise bad advice");
  CHECK(posix_fadvise(fd, 0, -1, POSIX_FADV_NORMAL) == EINVAL, "posix_fadvise negative len");
  CHECK(posix_fadvise(99, 0, 0, POSIX_FADV_NORMAL) == EBADF, "posix_fadvise bad fd");
  close(fd);
}

int main(void) {
  opens();
  dirs();
  links();
  misc();
  printf("%s\n", failures ? "SOME FAILED" : "all ok");
  return failures != 0;
}
