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
#include "check.h"

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
  CHECK_ERRNO(open("/data/newdir", O_RDONLY | O_CREAT | O_DIRECTORY, 0755), EINVAL);
  CHECK_ERRNO(access("/data/newdir", F_OK), ENOENT);
  // O_DIRECTORY on a regular file
  CHECK_ERRNO(open("/data/f", O_RDONLY | O_DIRECTORY), ENOTDIR);
  // O_EXCL without O_CREAT is ignored for regular files
  int fd = open("/data/f", O_RDONLY | O_EXCL);
  CHECK(fd >= 0, "O_EXCL alone: %s", strerror(errno));
  close(fd);
  CHECK_ERRNO(open("/data/f", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  CHECK_ERRNO(open("/data/missing", O_RDONLY), ENOENT);
  CHECK_ERRNO(open("", O_RDONLY), ENOENT);
  // Linux truncates on O_RDONLY|O_TRUNC (POSIX leaves it unspecified)
  fd = open("/data/f", O_RDONLY | O_TRUNC);
  CHECK(fd >= 0, "O_RDONLY|O_TRUNC: %s", strerror(errno));
  close(fd);
  CHECK_RET(size_of("/data/f"), 0);
  put("/data/f", "contents");
  // a trailing slash demands a directory
  CHECK_ERRNO(open("/data/f/", O_RDONLY), ENOTDIR);
  CHECK_ERRNO(open("/data/newfile/", O_WRONLY | O_CREAT, 0644), EISDIR);
  CHECK_ERRNO(access("/data/newfile", F_OK), ENOENT);
  struct stat st;
  CHECK_ERRNO(stat("/data/f/", &st), ENOTDIR);
  CHECK_ERRNO(stat("", &st), ENOENT);
  // a non-directory in the middle of a path
  CHECK_ERRNO(open("/data/f/x", O_RDONLY), ENOTDIR);
  CHECK_ERRNO(open("/data/f/x", O_WRONLY | O_CREAT, 0644), ENOTDIR);
  CHECK_ERRNO(stat("/data/f/x", &st), ENOTDIR);
  CHECK_ERRNO(mkdir("/data/f/x", 0755), ENOTDIR);
  CHECK_ERRNO(access("/data/f/x", F_OK), ENOTDIR);
  // openat: a regular file as dirfd is ENOTDIR, a bad one EBADF; an
  // absolute path ignores dirfd
  fd = open("/data/f", O_RDONLY);
  CHECK_ERRNO(openat(fd, "x", O_RDONLY), ENOTDIR);
  CHECK_ERRNO(openat(99, "x", O_RDONLY), EBADF);
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
  CHECK_ERRNO(open(path, O_RDONLY), ENAMETOOLONG);
  memset(path, 'a', sizeof path - 1);
  path[0] = '/';
  path[sizeof path - 1] = 0;
  CHECK_ERRNO(open(path, O_RDONLY), ENAMETOOLONG);
  // access: bad mode bits
  CHECK_ERRNO(access("/data/f", 0x100), EINVAL);
  CHECK_RET(access("/data/f", R_OK | W_OK), 0);
  // truncate
  CHECK_ERRNO(truncate("/data/f", -1), EINVAL);
  CHECK_ERRNO(truncate("/data/missing", 0), ENOENT);
}

static void dirs(void) {
  CHECK_RET(mkdir("/data/d", 0755), 0);
  CHECK_ERRNO(mkdir("/data/d", 0755), EEXIST);
  CHECK_ERRNO(mkdir("/data/f", 0755), EEXIST);
  CHECK_ERRNO(mkdir("/data/nope/sub", 0755), ENOENT);
  CHECK_RET(mkdir("/data/d2/", 0755), 0); // a trailing slash is fine for mkdir
  put("/data/d/inner", "x");
  CHECK_ERRNO(rmdir("/data/d"), ENOTEMPTY);
  CHECK_ERRNO(rmdir("/data/f"), ENOTDIR);
  CHECK_ERRNO(rmdir("/data/missing"), ENOENT);
  CHECK_ERRNO(rmdir("/data/d2/."), EINVAL);
  CHECK_RET(chdir("/data/d2"), 0);
  CHECK_ERRNO(rmdir("."), EINVAL);
  CHECK_RET(chdir("/data"), 0);
  // unlink of a directory: Linux says EISDIR (POSIX: EPERM)
  CHECK_ERRNO(unlink("/data/d2"), EISDIR);
  CHECK_ERRNO(unlink("/data/missing"), ENOENT);
  CHECK_ERRNO(unlink("/data/f/"), ENOTDIR);
  CHECK_ERRNO(unlinkat(AT_FDCWD, "/data/f", AT_REMOVEDIR), ENOTDIR);
  CHECK_ERRNO(unlinkat(AT_FDCWD, "/data/f", 0x4000), EINVAL);
  // rename
  CHECK_ERRNO(rename("/data/d2", "/data/d"), ENOTEMPTY);  // onto a non-empty dir
  CHECK_ERRNO(rename("/data/f", "/data/d2"), EISDIR);      // file onto a dir
  CHECK_ERRNO(rename("/data/d2", "/data/f"), ENOTDIR);     // dir onto a file
  CHECK_ERRNO(rename("/data/missing", "/data/x"), ENOENT);
  CHECK_ERRNO(rename("/data/d", "/data/d/sub"), EINVAL);   // into itself
  CHECK_RET(rename("/data/f", "/data/f"), 0);                // same file: no-op
  CHECK_RET(size_of("/data/f"), 8);
  CHECK_RET(mkdir("/data/empty", 0755), 0);
  CHECK_RET(rename("/data/d2", "/data/empty"), 0);           // onto an empty dir
  CHECK_ERRNO(access("/data/d2", F_OK), ENOENT);
  // link
  CHECK_ERRNO(link("/data/d", "/data/dlink"), EPERM);
  CHECK_ERRNO(link("/data/f", "/data/d/inner"), EEXIST);
  CHECK_ERRNO(link("/data/missing", "/data/l"), ENOENT);
  CHECK_RET(link("/data/f", "/data/hard"), 0);
  struct stat st;
  CHECK_RET(stat("/data/f", &st), 0);
  CHECK(st.st_nlink == 2, "nlink after link %d", (int)st.st_nlink);
  // getcwd: size 0 with a buffer is EINVAL, too small is ERANGE
  char small[4], big[PATH_MAX];
  CHECK_RET(getcwd(big, sizeof big) == big, 1);
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
  CHECK_ERRNO(chdir("/data/f"), ENOTDIR);
  CHECK_ERRNO(chdir("/data/missing"), ENOENT);
  CHECK_ERRNO(chdir(""), ENOENT);
  // O_CREAT on an existing directory is EISDIR whatever the access mode
  CHECK_ERRNO(open("/data/d", O_WRONLY | O_CREAT, 0644), EISDIR);
  CHECK_ERRNO(open("/data/d", O_RDONLY | O_CREAT, 0644), EISDIR);
  CHECK_ERRNO(open("/data/d", O_WRONLY | O_TRUNC), EISDIR);
  // empty paths are ENOENT everywhere
  CHECK_ERRNO(mkdir("", 0755), ENOENT);
  CHECK_ERRNO(rmdir(""), ENOENT);
  CHECK_ERRNO(unlink(""), ENOENT);
  CHECK_ERRNO(rename("", "/data/x"), ENOENT);
  CHECK_ERRNO(rename("/data/f", ""), ENOENT);
  CHECK_ERRNO(access("", F_OK), ENOENT);
  // a trailing slash on a file operand is ENOTDIR
  CHECK_ERRNO(rename("/data/f/", "/data/x"), ENOTDIR);
  CHECK_ERRNO(link("/data/f/", "/data/x"), ENOTDIR);
  // unknown flags on the *at calls are EINVAL
  struct stat st2;
  CHECK_ERRNO(fstatat(AT_FDCWD, "/data/f", &st2, 0x40000), EINVAL);
  CHECK_ERRNO(faccessat(AT_FDCWD, "/data/f", F_OK, 0x40000), EINVAL);
  CHECK_ERRNO(linkat(AT_FDCWD, "/data/f", AT_FDCWD, "/data/x", 0x40000), EINVAL);
  struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
  CHECK_ERRNO(utimensat(AT_FDCWD, "/data/f", bad, 0), EINVAL);
  CHECK_ERRNO(utimensat(AT_FDCWD, "/data/f", NULL, 0x40000), EINVAL);
}

static void links(void) {
  char buf[64];
  CHECK_RET(symlink("f", "/data/sl"), 0);
  CHECK_ERRNO(symlink("f", "/data/sl"), EEXIST);
  CHECK_ERRNO(symlink("f", "/data/f"), EEXIST);
  CHECK_ERRNO(readlink("/data/f", buf, sizeof buf), EINVAL);     // not a link
  CHECK_ERRNO(readlink("/data/missing", buf, sizeof buf), ENOENT);
  CHECK_ERRNO(readlink("/data/sl", buf, 0), EINVAL);             // Linux: bufsiz 0
  CHECK_ERRNO(symlink("", "/data/emptylink"), ENOENT);           // Linux: empty target
  // a short buffer truncates silently, without a NUL
  memset(buf, '#', sizeof buf);
  CHECK_RET(symlink("0123456789", "/data/long"), 0);
  CHECK_RET(readlink("/data/long", buf, 4), 4);
  CHECK(memcmp(buf, "0123#", 5) == 0, "readlink truncation: %.6s", buf);
  CHECK_RET(readlink("/data/long", buf, sizeof buf), 10);
  CHECK(buf[10] == '#', "readlink wrote a NUL");
  // dangling link: stat ENOENT, lstat fine
  struct stat st;
  CHECK_ERRNO(stat("/data/long", &st), ENOENT);
  CHECK_RET(lstat("/data/long", &st), 0);
  CHECK(S_ISLNK(st.st_mode), "lstat mode %o", (unsigned)st.st_mode);
  // O_NOFOLLOW on a symlink: ELOOP
  CHECK_ERRNO(open("/data/sl", O_RDONLY | O_NOFOLLOW), ELOOP);
  // a symlink loop
  CHECK_RET(symlink("loop2", "/data/loop1"), 0);
  CHECK_RET(symlink("loop1", "/data/loop2"), 0);
  CHECK_ERRNO(open("/data/loop1", O_RDONLY), ELOOP);
  CHECK_ERRNO(stat("/data/loop1", &st), ELOOP);
  CHECK_ERRNO(open("/data/loop1/x", O_RDONLY), ELOOP);
  // a symlink to a file used as a directory
  CHECK_ERRNO(open("/data/sl/x", O_RDONLY), ENOTDIR);
  // unlink removes the link, not its target
  CHECK_RET(unlink("/data/sl"), 0);
  CHECK_RET(access("/data/f", F_OK), 0);
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
  CHECK_RET(unlink("/data/rd_a"), 0);
  rewinddir(dir);
  a = 0;
  errno = 0;
  while ((e = readdir(dir))) a += strcmp(e->d_name, "rd_a") == 0;
  CHECK(a == 0 && errno == 0, "rewinddir: rd_a %d, errno %d at end", a, errno);
  CHECK_RET(closedir(dir), 0);
  int fd = open("/data/d", O_RDONLY | O_DIRECTORY);
  dir = fdopendir(fd);
  CHECK(dir != NULL && dirfd(dir) == fd, "fdopendir");
  CHECK_RET(closedir(dir), 0);
  CHECK_ERRNO(fcntl(fd, F_GETFD), EBADF);
  // mkstemp/mkdtemp: the template must end in XXXXXX
  char t1[] = "/data/tmpXXXXX";
  CHECK_ERRNO(mkstemp(t1), EINVAL);
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
  return CHECK_DONE();
}
