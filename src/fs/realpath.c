// realpath: the absolute guest path with "." and ".." resolved and every
// symlink below the preopen expanded.  One readlink-at per component (the
// cheapest way 0.2.0 offers to tell a symlink from the rest); the last
// call also proves the path exists.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wasip2_fs.h"


char *realpath(const char *restrict path, char *restrict resolved) {
  char *cur = malloc(3 * PATH_MAX);
  if (!cur) { errno = ENOMEM; return NULL; }
  char *next = cur + PATH_MAX, *link = next + PATH_MAX;
  int trailing, links = 0;
  if (!path) { errno = EINVAL; goto fail; }
  if (__wasip2_path_normalize(__wasip2_cwd(), path, cur, &trailing) < 0) goto fail;
  int want_dir = trailing; // "file/" (or "file/.") must name a directory
restart:;
  const char *rest;
  int pi = __wasip2_preopen_match(cur, &rest);
  // "/" and the other virtual directories above the preopens (vdir.c) exist
  if (pi < 0 && __wasip2_vdir_is(cur)) goto done;
  if (pi < 0) goto fail;
  const struct __wasip2_preopen *p = __wasip2_preopen_get(pi);
  if (strcmp(rest, ".") == 0) {
    // the preopen itself: it exists by construction
    goto done;
  }
  // walk rest component by component, asking the host about each prefix
  for (const char *c = rest;;) {
    const char *e = strchr(c, '/');
    size_t plen = (e ? e : c + strlen(c)) - rest;
    wasip2_string_t s = { (char *)rest, plen }, target;
    wasi_filesystem_types_error_code_t err;
    if (wasi_filesystem_types_descriptor_readlink_at(p->handle, &s, &target, &err)) {
      if (++links > 40 || target.len >= PATH_MAX) {
        if (target.len) free(target.ptr);
        errno = links > 40 ? ELOOP : ENAMETOOLONG;
        goto fail;
      }
      memcpy(link, target.ptr, target.len);
      link[target.len] = 0;
      if (target.len) free(target.ptr);
      // base for a relative target: the symlink's parent directory
      size_t base_len = (rest - cur) + plen;
      memcpy(next, cur, base_len);
      next[base_len] = 0;
      char *slash = strrchr(next, '/');
      if (slash == next) slash[1] = 0; else if (slash) *slash = 0;
      char joined[PATH_MAX];
      size_t tail = e ? strlen(e) : 0;
      if (strlen(link) + tail + 1 >= PATH_MAX) { errno = ENAMETOOLONG; goto fail; }
      strcpy(joined, link);
      if (e) strcat(joined, e);
      if (__wasip2_path_normalize(next, joined, cur, &trailing) < 0) goto fail;
      goto restart;
    }
    // invalid = exists and is not a symlink; anything else is the answer
    if (err != WASI_FILESYSTEM_TYPES_ERROR_CODE_INVALID) {
      __wasip2_fs_fail(err);
      goto fail;
    }
    if (!e) break;
    c = e + 1;
  }
done:
  if (want_dir) {
    struct stat st;
    if (stat(cur, &st) < 0) goto fail;
    if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; goto fail; }
  }
  if (!resolved) return realloc(cur, strlen(cur) + 1);
  strcpy(resolved, cur);
  free(cur);
  return resolved;
fail:
  free(cur);
  return NULL;
}
