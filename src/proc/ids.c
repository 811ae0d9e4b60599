// User and group identity: one unprivileged user (uid/gid 1000).  Changing
// to the ids we already have succeeds (as it does on Linux for anyone);
// any other change needs privileges we do not have: EPERM.
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <string.h>
#include <unistd.h>

#define ID 1000

uid_t getuid(void) { return ID; }
uid_t geteuid(void) { return ID; }
gid_t getgid(void) { return ID; }
gid_t getegid(void) { return ID; }
int issetugid(void) { return 0; }

static int set_same(unsigned id) {
  if (id == ID || id == (unsigned)-1) return 0;
  errno = EPERM;
  return -1;
}

int setuid(uid_t u) { return set_same(u); }
int seteuid(uid_t u) { return set_same(u); }
int setgid(gid_t g) { return set_same(g); }
int setegid(gid_t g) { return set_same(g); }
int setreuid(uid_t r, uid_t e) { return set_same(r) || set_same(e) ? -1 : 0; }
int setregid(gid_t r, gid_t e) { return set_same(r) || set_same(e) ? -1 : 0; }
int setresuid(uid_t r, uid_t e, uid_t s) { return set_same(r) || set_same(e) || set_same(s) ? -1 : 0; }
int setresgid(gid_t r, gid_t e, gid_t s) { return set_same(r) || set_same(e) || set_same(s) ? -1 : 0; }

int getresuid(uid_t *r, uid_t *e, uid_t *s) { *r = *e = *s = ID; return 0; }
int getresgid(gid_t *r, gid_t *e, gid_t *s) { *r = *e = *s = ID; return 0; }

int getgroups(int n, gid_t list[]) {
  if (n == 0) return 1;
  if (n < 1) { errno = EINVAL; return -1; }
  list[0] = ID;
  return 1;
}

int setgroups(size_t n, const gid_t *list) {
  (void)n; (void)list;
  errno = EPERM;  // needs CAP_SETGID even to keep the same list
  return -1;
}

int initgroups(const char *user, gid_t g) {
  (void)user; (void)g;
  errno = EPERM;
  return -1;
}

int getgrouplist(const char *user, gid_t g, gid_t *groups, int *n) {
  // The user's groups are its primary group plus, for "user", gid 1000.
  int count = 1 + (strcmp(user, "user") == 0 && g != ID);
  int fits = *n >= count;
  if (*n >= 1) groups[0] = g;
  if (count == 2 && *n >= 2) groups[1] = ID;
  *n = count;
  return fits ? count : -1;
}
