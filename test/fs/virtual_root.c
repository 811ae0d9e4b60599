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
#include "check.h"

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

  OK(list("/", names, sizeof names) == 2 && strcmp(names, "data,a") == 0, "readdir / = %s", names);
  OK(list("/a", names, sizeof names) == 2 && strcmp(names, "b,c") == 0, "readdir /a = %s", names);
  OK(list("/a/b", names, sizeof names) == 2 && names[0] == 0, "readdir /a/b (a real, empty preopen) = %s", names);
  OK(stat("/", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0222) == 0, "stat / mode %o", (unsigned)st.st_mode);
  OK(stat("/a", &st) == 0 && S_ISDIR(st.st_mode), "stat /a");
  CHECK_ERRNO(stat("/nothere", &st), ENOENT);
  CHECK_ERRNO(stat("/a/nothere", &st), ENOENT);
  OK(access("/", R_OK | X_OK) == 0, "access / R_OK|X_OK");
  CHECK_ERRNO(access("/", W_OK), EROFS);

  int r = open("/", O_RDONLY | O_DIRECTORY);
  OK(r >= 0 && fstat(r, &st) == 0 && S_ISDIR(st.st_mode), "open + fstat /");
  char b[4];
  CHECK_ERRNO(read(r, b, 1), EISDIR);
  OK(lseek(r, 0, SEEK_CUR) == 0, "lseek on the root fd");
  char rp[256];
  OK(realpath("/", rp) && strcmp(rp, "/") == 0 && realpath("/a/../a/", rp) && strcmp(rp, "/a") == 0, "realpath of virtual directories");
  CHECK_ERRNO(write(r, b, 1), EBADF);
  int f = openat(r, "data/f", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  OK(f >= 0 && write(f, "hi", 2) == 2, "openat(root fd, \"data/f\") creates inside the preopen");
  close(f);
  OK(fstatat(r, "data/f", &st, 0) == 0 && st.st_size == 2, "fstatat through the root fd");
  CHECK_ERRNO(openat(r, "new", O_WRONLY | O_CREAT, 0644), EROFS);
  OK(fchdir(r) == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/") == 0, "fchdir(root fd): cwd %s", cwd);
  close(r);

  CHECK_ERRNO(open("/", O_WRONLY), EISDIR);
  CHECK_ERRNO(open("/", O_RDWR), EISDIR);
  CHECK_ERRNO(open("/", O_CREAT | O_EXCL | O_RDONLY, 0644), EEXIST);
  CHECK_ERRNO(open("/new", O_CREAT | O_WRONLY, 0644), EROFS);
  CHECK_ERRNO(open("/a/new", O_CREAT | O_WRONLY, 0644), EROFS);
  CHECK_ERRNO(open("/nothere", O_RDONLY), ENOENT);
  CHECK_ERRNO(mkdir("/x", 0755), EROFS);
  CHECK_ERRNO(mkdir("/a/x", 0755), EROFS);
  CHECK_ERRNO(unlink("/x"), EROFS);
  CHECK_ERRNO(rmdir("/a"), EROFS);
  CHECK_ERRNO(rename("/data/f", "/g"), EROFS);
  CHECK_ERRNO(symlink("data", "/l"), EROFS);

  // open(".") at each cwd getcwd reports
  const char *dirs[] = { "/", "/a", "/a/b", "/data" };
  for (int i = 0; i < 4; i++) {
    OK(chdir(dirs[i]) == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, dirs[i]) == 0, "chdir %s", dirs[i]);
    int d = open(".", O_RDONLY);
    OK(d >= 0 && fstat(d, &st) == 0 && S_ISDIR(st.st_mode), "open(\".\") in %s", cwd);
    close(d);
    DIR *dd = opendir(".");
    OK(dd != NULL, "opendir(\".\") in %s", cwd);
    if (dd) closedir(dd);
  }
  OK(chdir("/a") == 0 && list(".", names, sizeof names) == 2 && strcmp(names, "b,c") == 0, "readdir . in /a = %s", names);
  OK(chdir("..") == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/") == 0, "chdir .. to /");
  OK(open("data/f", O_RDONLY) >= 0, "relative open from the virtual cwd");

  // symlinks: targets must stay inside the link's preopen
  CHECK_ERRNO(symlink("../../secret", "/data/x"), EPERM);
  CHECK_ERRNO(symlink("../secret", "/data/x"), EPERM);
  CHECK_ERRNO(symlink("../data/f", "/data/x"), EPERM); // climbs out and back: out on the host side
  CHECK_ERRNO(symlink("sub/../../f", "/data/x"), EPERM);
  CHECK_ERRNO(symlink("/etc/passwd", "/data/x"), EPERM);
  CHECK_ERRNO(symlink("/a/b", "/data/x"), EPERM);       // another preopen
  CHECK_ERRNO(lstat("/data/x", &st), ENOENT);           // nothing was created by the refusals
  OK(mkdir("/data/sub", 0755) == 0, "mkdir /data/sub");
  OK(symlink("f", "/data/l1") == 0, "symlink f");
  OK(symlink("sub/../f", "/data/l2") == 0, "symlink sub/../f");
  OK(symlink("../f", "/data/sub/l3") == 0, "symlink ../f from a subdirectory");
  OK(symlink("/data/f", "/data/l4") == 0, "symlink to an absolute path inside the preopen");
  OK(stat("/data/l1", &st) == 0 && st.st_size == 2 && stat("/data/l2", &st) == 0 &&
        stat("/data/sub/l3", &st) == 0 && stat("/data/l4", &st) == 0 && st.st_size == 2, "all four links resolve");
  CHECK_ERRNO(symlink("../../f", "/data/sub/l5"), EPERM);
  return CHECK_DONE();
}
