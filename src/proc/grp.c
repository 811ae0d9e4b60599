// The group database: one group, "user" (gid 1000), whose only member is
// "user".  Other names and gids are not found (NULL, errno unchanged).
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <string.h>

#define ID 1000

static int fill(struct group *gr, char *buf, size_t len, struct group **res) {
  // Layout in buf: the member array (aligned), then the strings.
  size_t arr = 2 * sizeof(char *);
  size_t pad = (uintptr_t)buf % sizeof(char *) ? sizeof(char *) - (uintptr_t)buf % sizeof(char *) : 0;
  static const char strs[] = "user\0x\0user";
  *res = NULL;
  if (len < pad + arr + sizeof strs) return ERANGE;
  char **mem = (char **)(void *)(buf + pad);
  char *s = buf + pad + arr;
  memcpy(s, strs, sizeof strs);
  gr->gr_name = s;
  gr->gr_passwd = s + 5;
  mem[0] = s + 7;
  mem[1] = NULL;
  gr->gr_mem = mem;
  gr->gr_gid = ID;
  *res = gr;
  return 0;
}

static struct group *one(void) {
  static struct group gr;
  static char buf[64] __attribute__((aligned(8)));
  struct group *r;
  fill(&gr, buf, sizeof buf, &r);
  return r;
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len, struct group **res) {
  if (gid != ID) { *res = NULL; return 0; }
  return fill(gr, buf, len, res);
}

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t len, struct group **res) {
  if (strcmp(name, "user") != 0) { *res = NULL; return 0; }
  return fill(gr, buf, len, res);
}

struct group *getgrgid(gid_t gid) { return gid == ID ? one() : NULL; }
struct group *getgrnam(const char *name) { return strcmp(name, "user") == 0 ? one() : NULL; }

static int cursor;
void setgrent(void) { cursor = 0; }
void endgrent(void) { cursor = 0; }
struct group *getgrent(void) { return cursor++ == 0 ? one() : NULL; }
