// The preopened directories (wasi:filesystem/preopens), loaded on first
// use: programs that never touch a path make no host call for them.  Their
// descriptors live until exit, when an exit hook drops them after every fd
// has been closed.  Guest names are normalised into the one "/"-rooted
// namespace of wasip2_fs.h; the longest prefix wins, and among equal names
// the later preopen (as upstream wasi-libc does).
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include "wasip2_fs.h"

static struct __wasip2_preopen *table;
static int count = -1;

// The host names the directory a program starts in (wasip2-run: the first
// --dir's guest path); relative paths resolve from there.  Without one, or
// when it is not inside a preopen, the cwd stays "/".  Done once, after the
// table is complete.  The host's word that it is a directory is taken as it
// is (no stat: no host call, and programs that never chdir link no stat).
static void start_in_initial_cwd(void) {
  wasip2_option_string_t cwd;
  wasi_cli_environment_initial_cwd(&cwd);
  if (!cwd.is_some) return;
  char buf[PATH_MAX], abs[PATH_MAX];
  int ok = cwd.val.len > 0 && cwd.val.len < sizeof buf;
  if (ok) { memcpy(buf, cwd.val.ptr, cwd.val.len); buf[cwd.val.len] = 0; }
  WASIP2_FREE_LIST(cwd.val);
  int saved = errno, trailing;
  const char *rest;
  if (ok && __wasip2_path_normalize("/", buf, abs, &trailing) == 0 && __wasip2_preopen_match(abs, &rest) >= 0)
    __wasip2_cwd_set(abs);
  errno = saved;
}

static void drop_all(void) {
  for (int i = 0; i < count; i++) {
    wasi_filesystem_types_descriptor_drop(table[i].handle);
    __wasip2_free(table[i].path);
  }
  __wasip2_free(table);
  table = NULL;
  count = 0;
}

static void load(void) {
  wasip2_list_tuple2_wasi_filesystem_types_descriptor_string_t list;
  wasi_filesystem_preopens_get_directories(&list);
  count = 0;
  table = __wasip2_calloc(list.len ? list.len : 1, sizeof *table);
  for (size_t i = 0; i < list.len; i++) {
    wasi_filesystem_types_descriptor_t h = list.ptr[i].f0;
    char name[PATH_MAX], norm[PATH_MAX];
    size_t n = list.ptr[i].f1.len;
    int trailing;
    char *path = NULL;
    if (table && n < sizeof name) {
      memcpy(name, list.ptr[i].f1.ptr, n);
      name[n] = 0;
      // "." or a relative name: mounted below "/" like any other
      if (__wasip2_path_normalize("/", name, norm, &trailing) == 0) path = __wasip2_strdup(norm);
    }
    WASIP2_FREE_LIST(list.ptr[i].f1);
    if (!path) { wasi_filesystem_types_descriptor_drop(h); continue; }
    table[count].handle = h;
    table[count].path = path;
    table[count].len = strlen(path);
    count++;
  }
  WASIP2_FREE_LIST(list);
  static int hooked;
  if (!hooked) __wasip2_on_exit(drop_all);
  hooked = 1;
  start_in_initial_cwd();
}

// __wasilibc_reset_preopens (src/fs/wasilibc_preopens.c): forget the table;
// the next path call loads it again from the host.
void __wasip2_preopen_reset(void) {
  if (count > 0 || table) drop_all();
  count = -1;
}

int __wasip2_preopen_count(void) {
  if (count < 0) load();
  return count;
}

const struct __wasip2_preopen *__wasip2_preopen_get(int i) {
  if (i < 0 || i >= __wasip2_preopen_count()) return NULL;
  return &table[i];
}

int __wasip2_preopen_match(const char *abs, const char **rest) {
  int n = __wasip2_preopen_count(), best = -1;
  size_t best_len = 0;
  for (int i = 0; i < n; i++) {
    const struct __wasip2_preopen *p = &table[i];
    size_t len = p->len;
    int hit;
    if (len == 1) hit = 1; // "/" holds everything
    else hit = strncmp(abs, p->path, len) == 0 && (abs[len] == 0 || abs[len] == '/');
    if (hit && (best < 0 || len >= best_len)) { best = i; best_len = len; }
  }
  if (best < 0) { errno = ENOENT; return -1; }
  const char *r = abs + (best_len == 1 ? 0 : best_len);
  while (*r == '/') r++;
  *rest = *r ? r : ".";
  return best;
}
