// fts(3) walks printed entry by entry; fts.test.mjs runs this program built
// by gcc (glibc's fts) and as a component over identical trees and compares
// the output.  argv[1] is the root of the tree (a directory holding t/),
// the rest name the walks to do.  Paths are printed with the root replaced
// by "R" so that both runs print the same text.
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *root;
static size_t rootlen;

static const char *rel(const char *p) {
  static char buf[2][4096];
  static int which;
  which ^= 1;
  if (!strncmp(p, root, rootlen)) snprintf(buf[which], sizeof buf[which], "R%s", p + rootlen);
  else snprintf(buf[which], sizeof buf[which], "%s", p);
  return buf[which];
}

static const char *info(int i) {
  static const char *n[] = {"?", "D", "DC", "DEFAULT", "DNR", "DOT", "DP", "ERR", "F", "INIT", "NS", "NSOK", "SL", "SLNONE", "W"};
  return i >= 0 && i <= 14 ? n[i] : "?";
}

static int byname(const FTSENT **a, const FTSENT **b) { return strcmp((*a)->fts_name, (*b)->fts_name); }

static char lines[512][300];
static int nlines;
static int sorted_output;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...) {
  char b[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  if (sorted_output && nlines < 512) strcpy(lines[nlines++], b);
  else printf("%s\n", b);
}

static int cmpline(const void *a, const void *b) { return strcmp(a, b); }

static void show(FTSENT *p) {
  char extra[128] = "";
  if (p->fts_info == FTS_NS || p->fts_info == FTS_DNR || p->fts_info == FTS_ERR)
    snprintf(extra, sizeof extra, " errno=%s", strerror(p->fts_errno));
  else if (p->fts_info == FTS_DC)
    snprintf(extra, sizeof extra, " cycle=level %d %s", p->fts_cycle->fts_level, p->fts_cycle->fts_name);
  else if (p->fts_info == FTS_F) {
    // fts_accpath opens the file, wherever fts keeps the working directory
    int fd = open(p->fts_accpath, O_RDONLY);
    char b[64];
    ssize_t n = fd >= 0 ? read(fd, b, sizeof b) : -1;
    if (fd >= 0) close(fd);
    snprintf(extra, sizeof extra, " size=%lld read=%zd", (long long)p->fts_statp->st_size, n);
  }
  out("%d %-6s %s name=%s%s", p->fts_level, info(p->fts_info), rel(p->fts_path), rel(p->fts_name), extra);
}

static void walk(const char *label, char **paths, int options, int sorted, const char *skip, const char *follow) {
  printf("== %s\n", label);
  sorted_output = !sorted;
  nlines = 0;
  FTS *sp = fts_open(paths, options, sorted ? byname : NULL);
  if (!sp) {
    printf("fts_open: %s\n", strerror(errno));
    return;
  }
  FTSENT *p;
  while ((p = fts_read(sp))) {
    show(p);
    if (skip && p->fts_info == FTS_D && !strcmp(p->fts_name, skip)) fts_set(sp, p, FTS_SKIP);
    if (follow && p->fts_info == FTS_SL && !strcmp(p->fts_name, follow)) fts_set(sp, p, FTS_FOLLOW);
  }
  int e = errno;
  if (sorted_output) {
    qsort(lines, nlines, sizeof lines[0], cmpline);
    for (int i = 0; i < nlines; i++) printf("%s\n", lines[i]);
  }
  printf("end errno=%d close=%d\n", e, fts_close(sp));
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  root = argv[1];
  rootlen = strlen(root);
  char t[4096], a[4096], b[4096], none[4096];
  snprintf(t, sizeof t, "%s/t", root);
  snprintf(a, sizeof a, "%s/t/a", root);
  snprintf(b, sizeof b, "%s/t/b", root);
  snprintf(none, sizeof none, "%s/t/none", root);
  char *one[] = {t, NULL};
  char *roots[] = {b, none, a, NULL};
  char *link[] = {b, NULL};

  walk("physical, sorted", one, FTS_PHYSICAL, 1, NULL, NULL);
  walk("physical nochdir, readdir order (lines sorted)", one, FTS_PHYSICAL | FTS_NOCHDIR, 0, NULL, NULL);
  walk("logical, sorted", one, FTS_LOGICAL, 1, NULL, NULL);
  walk("physical seedot, sorted", one, FTS_PHYSICAL | FTS_SEEDOT, 1, NULL, NULL);
  walk("skip a", one, FTS_PHYSICAL | FTS_NOCHDIR, 1, "a", NULL);
  walk("follow b", one, FTS_PHYSICAL | FTS_NOCHDIR, 1, NULL, "b");
  walk("three roots, sorted, one missing", roots, FTS_PHYSICAL, 1, NULL, NULL);
  walk("root is a symlink: physical", link, FTS_PHYSICAL, 1, NULL, NULL);
  walk("root is a symlink: comfollow", link, FTS_PHYSICAL | FTS_COMFOLLOW, 1, NULL, NULL);
  walk("nostat", one, FTS_PHYSICAL | FTS_NOSTAT | FTS_NOCHDIR, 1, NULL, NULL);

  printf("== fts_children\n");
  FTS *sp = fts_open(one, FTS_PHYSICAL | FTS_NOCHDIR, byname);
  FTSENT *c = fts_children(sp, 0);
  printf("before read: %s\n", c ? rel(c->fts_name) : "NULL");
  FTSENT *p = fts_read(sp);  // t, preorder
  for (c = fts_children(sp, FTS_NAMEONLY); c; c = c->fts_link) printf("name only: %s %s\n", c->fts_name, info(c->fts_info));
  for (c = fts_children(sp, 0); c; c = c->fts_link) printf("child: %s %s\n", c->fts_name, info(c->fts_info));
  int n = 0;
  while ((p = fts_read(sp))) n++;
  printf("then %d more entries\n", n);
  fts_close(sp);
  sp = fts_open(one, FTS_PHYSICAL | FTS_NOCHDIR, byname);
  while ((p = fts_read(sp)) && strcmp(p->fts_name, "z.txt")) {}
  errno = 1234;
  c = fts_children(sp, 0);
  printf("children of a file: %s errno=%d\n", c ? "list" : "NULL", errno);
  int r = fts_set(sp, p, 99);
  printf("fts_set bad instr: %d errno=%s\n", r, strerror(errno));
  fts_close(sp);

  char *empty[] = {"", NULL};
  errno = 0;
  sp = fts_open(empty, FTS_PHYSICAL, NULL);
  printf("fts_open(\"\"): %s %s\n", sp ? "opened" : "NULL", sp ? "" : strerror(errno));
  if (sp) fts_close(sp);
  sp = fts_open(one, 0x4000, NULL);
  printf("fts_open(bad options): %s %s\n", sp ? "opened" : "NULL", sp ? "" : strerror(errno));
  if (sp) fts_close(sp);
  return 0;
}
