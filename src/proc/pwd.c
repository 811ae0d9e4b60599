// The user database: one entry, "user" (uid 1000, gid 1000), home $HOME
// (or "/"), shell /bin/sh.  Any other name or uid is not found: NULL with
// errno unchanged, the POSIX "no such entry" answer.
#define _GNU_SOURCE
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#define ID 1000

static const char *home(void) {
  const char *h = getenv("HOME");
  return h && *h ? h : "/";
}

// Lays the strings out in buf (the _r contract); ERANGE if too small.
static int fill(struct passwd *pw, char *buf, size_t len, struct passwd **res) {
  const char *strs[] = {"user", "x", "", home(), "/bin/sh"};
  char **dst[] = {&pw->pw_name, &pw->pw_passwd, &pw->pw_gecos, &pw->pw_dir, &pw->pw_shell};
  size_t used = 0;
  *res = NULL;
  for (int i = 0; i < 5; i++) {
    size_t n = strlen(strs[i]) + 1;
    if (used + n > len) return ERANGE;
    memcpy(buf + used, strs[i], n);
    *dst[i] = buf + used;
    used += n;
  }
  pw->pw_uid = ID;
  pw->pw_gid = ID;
  *res = pw;
  return 0;
}

static struct passwd *one(void) {
  static struct passwd pw;
  static char buf[512];
  struct passwd *r;
  // A $HOME too long for buf is reported as "/" rather than truncated.
  if (fill(&pw, buf, sizeof buf, &r)) return NULL;
  return r;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len, struct passwd **res) {
  if (uid != ID) { *res = NULL; return 0; }
  return fill(pw, buf, len, res);
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len, struct passwd **res) {
  if (strcmp(name, "user") != 0) { *res = NULL; return 0; }
  return fill(pw, buf, len, res);
}

struct passwd *getpwuid(uid_t uid) { return uid == ID ? one() : NULL; }
struct passwd *getpwnam(const char *name) { return strcmp(name, "user") == 0 ? one() : NULL; }

static int cursor;
void setpwent(void) { cursor = 0; }
void endpwent(void) { cursor = 0; }
struct passwd *getpwent(void) { return cursor++ == 0 ? one() : NULL; }

int getpwent_r(struct passwd *pw, char *buf, size_t len, struct passwd **res) {
  if (cursor != 0) { *res = NULL; return ENOENT; }
  int e = fill(pw, buf, len, res);
  if (!e) cursor++;
  return e;
}
