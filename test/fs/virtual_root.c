// "/" and the other directories above the preopens that no preopen holds
// are read-only virtual directories listing the preopened names: opendir,
// readdir, stat, fstat, open(".") at any cwd getcwd reports, fchdir and *at
// calls through them work; changes there are EROFS; and symlinkat refuses
// targets that leave the link's preopen (relative ones that climb out of it,
// absolute ones outside it), while targets inside stay allowed.
//! dir: /data
//! dir: /a/b
//! dir: /a/c
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } else printf("ok: %s\n", #c); } while (0)
#define ERR(call, e) do { errno = 0; long r_ = (long)(call); CHECK(r_ == -1 && errno == (e), "%s: %ld errno %d (%s)", #call, r_, errno, strerror(errno)); } while (0)

// the names readdir gives for dir, "." and ".." aside, joined with ','
static int list(const char *dir, char *out, size_t n) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  out[0] = 0;
  struct dirent *e;
  int dots = 0;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) { dots++; continue; }
    if (e->d_type != DT_DIR) return -1;
    if (*out) strncat(out, ",", n - strlen(out) - 1);
    strncat(out, e->d_name, n - strlen(out) - 1);
  }
  closedir(d);
  return dots;
}

int main(void) {
  char names[256], cwd[256];
  struct stat st;

  CHECK(list("/", names, sizeof names) == 2 && strcmp(names, "data,a") == 0, "readdir / = %s", names);
  CHECK(list("/a", names, sizeof names) == 2 && strcmp(names, "b,c") == 0, "readdir /a = %s", names);
  CHECK(list("/a/b", names, sizeof names) == 2 && names[0] == 0, "readdir /a/b (a real, empty preopen) = %s", names);
  CHECK(stat("/", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0222) == 0, "stat / mode %o", (unsigned)st.st_mode);
  CHECK(stat("/a", &st) == 0 && S_ISDIR(st.st_mode), "stat /a");
  ERR(stat("/nothere", &st), ENOENT);
  ERR(stat("/a/nothere", &st), ENOENT);
  CHECK(access("/", R_OK | X_OK) == 0, "access / R_OK|X_OK");
  ERR(access("/", W_OK), EROFS);

  int r = open("/", O_RDONLY | O_DIRECTORY);
  CHECK(r >= 0 && fstat(r, &st) == 0 && S_ISDIR(st.st_mode), "open + fstat /");
  char b[4];
  ERR(read(r, b, 1), EISDIR);
  CHECK(lseek(r, 0, SEEK_CUR) == 0, "lseek on the root fd");
  char rp[256];
  CHECK(realpath("/", rp) && strcmp(rp, "/") == 0 && realpath("/a/../a/", rp) && strcmp(rp, "/a") == 0, "realpath of virtual directories");
  ERR(write(r, b, 1), EBADF);
  int f = openat(r, "data/f", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(f >= 0 && write(f, "hi", 2) == 2, "openat(root fd, \"data/f\") creates inside the preopen");
  close(f);
  CHECK(fstatat(r, "data/f", &st, 0) == 0 && st.st_size == 2, "fstatat through the root fd");
  ERR(openat(r, "new", O_WRONLY | O_CREAT, 0644), EROFS);
  CHECK(fchdir(r) == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/") == 0, "fchdir(root fd): cwd %s", cwd);
  close(r);

  ERR(open("/", O_WRONLY), EISDIR);
  ERR(open("/", O_RDWR), EISDIR);
  ERR(open("/", O_CREAT | O_EXCL | O_RDONLY, 0644), EEXIST);
  ERR(open("/new", O_CREAT | O_WRONLY, 0644), EROFS);
  ERR(open("/a/new", O_CREAT | O_WRONLY, 0644), EROFS);
  ERR(open("/nothere", O_RDONLY), ENOENT);
  ERR(mkdir("/x", 0755), EROFS);
  ERR(mkdir("/a/x", 0755), EROFS);
  ERR(unlink("/x"), EROFS);
  ERR(rmdir("/a"), EROFS);
  ERR(rename("/data/f", "/g"), EROFS);
  ERR(symlink("data", "/l"), EROFS);

  // open(".") at each cwd getcwd reports
  const char *dirs[] = { "/", "/a", "/a/b", "/data" };
  for (int i = 0; i < 4; i++) {
    CHECK(chdir(dirs[i]) == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, dirs[i]) == 0, "chdir %s", dirs[i]);
    int d = open(".", O_RDONLY);
    CHECK(d >= 0 && fstat(d, &st) == 0 && S_ISDIR(st.st_mode), "open(\".\") in %s", cwd);
    close(d);
    DIR *dd = opendir(".");
    CHECK(dd != NULL, "opendir(\".\") in %s", cwd);
    if (dd) closedir(dd);
  }
  CHECK(chdir("/a") == 0 && list(".", names, sizeof names) == 2 && strcmp(names, "b,c") == 0, "readdir . in /a = %s", names);
  CHECK(chdir("..") == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/") == 0, "chdir .. to /");
  CHECK(open("data/f", O_RDONLY) >= 0, "relative open from the virtual cwd");

  // symlinks: targets must stay inside the link's preopen
  ERR(symlink("../../secret", "/data/x"), EPERM);
  ERR(symlink("../secret", "/data/x"), EPERM);
  ERR(symlink("../data/f", "/data/x"), EPERM); // climbs out and back: out on the host side
  ERR(symlink("sub/../../f", "/data/x"), EPERM);
  ERR(symlink("/etc/passwd", "/data/x"), EPERM);
  ERR(symlink("/a/b", "/data/x"), EPERM);       // another preopen
  ERR(lstat("/data/x", &st), ENOENT);           // nothing was created by the refusals
  CHECK(mkdir("/data/sub", 0755) == 0, "mkdir /data/sub");
  CHECK(symlink("f", "/data/l1") == 0, "symlink f");
  CHECK(symlink("sub/../f", "/data/l2") == 0, "symlink sub/../f");
  CHECK(symlink("../f", "/data/sub/l3") == 0, "symlink ../f from a subdirectory");
  CHECK(symlink("/data/f", "/data/l4") == 0, "symlink to an absolute path inside the preopen");
  CHECK(stat("/data/l1", &st) == 0 && st.st_size == 2 && stat("/data/l2", &st) == 0 &&
        stat("/data/sub/l3", &st) == 0 && stat("/data/l4", &st) == 0 && st.st_size == 2, "all four links resolve");
  ERR(symlink("../../f", "/data/sub/l5"), EPERM);
  printf("%d failures\n", failures);
  return failures != 0;
}
