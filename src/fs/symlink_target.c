// Absolute symlink targets.  Hosts refuse them (they would point out of the
// sandbox), yet symlink("/data/a", l) then readlink(l) must give "/data/a"
// back.  So an absolute target inside the link's own preopen is stored as a
// relative path that the host resolves to the same object and that readlink
// can recognise:
//     ".//" + "./" * k + "../" * depth + the target below the preopen root
// where depth is how far the link's directory lies below that root.  The
// leading ".//" (a form nobody writes by hand) marks it; the "./" padding
// makes the stored text at least as long as the absolute path, so an
// lstat st_size never understates what readlink returns.  Anything else the
// host returns, or a marked target whose climb no longer fits the link's
// place (the link was moved), is returned as stored.
#include <errno.h>
#include <string.h>
#include "wasip2_fs.h"

#define MARK ".//"

// How many directories the link's parent lies below the preopen root, or
// -1 if the link's path is not inside the preopen.
static long depth_below(const struct __wasip2_fs_at *at, const struct __wasip2_preopen *p) {
  const char *r = at->abs;
  if (p->len > 1) {
    if (strncmp(r, p->path, p->len) || (r[p->len] != '/' && r[p->len])) return -1;
    r += p->len;
  }
  long slashes = 0;
  for (; *r; r++) slashes += *r == '/';
  return slashes - 1;
}

int __wasip2_symlink_encode(const struct __wasip2_fs_at *at, const char *target, char out[PATH_MAX]) {
  char abs[PATH_MAX];
  int trailing;
  const char *rest;
  if (__wasip2_path_normalize(NULL, target, abs, &trailing) < 0) return -1;
  const struct __wasip2_preopen *p = __wasip2_preopen_get(at->preopen);
  long depth = p ? depth_below(at, p) : -1;
  if (depth < 0 || __wasip2_preopen_match(abs, &rest) != at->preopen) { errno = EPERM; return -1; }
  int root = strcmp(rest, ".") == 0;
  size_t want = strlen(abs) + (trailing && !root), restlen = strlen(rest) + (trailing && !root);
  size_t base = strlen(MARK) + 3 * (size_t)depth + restlen;
  size_t pad = base < want ? (want - base + 1) / 2 : 0;
  if (base + 2 * pad >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
  char *o = out;
  memcpy(o, MARK, strlen(MARK)), o += strlen(MARK);
  for (size_t i = 0; i < pad; i++) memcpy(o, "./", 2), o += 2;
  for (long i = 0; i < depth; i++) memcpy(o, "../", 3), o += 3;
  memcpy(o, rest, strlen(rest)), o += strlen(rest);
  if (trailing && !root) *o++ = '/';
  *o = 0;
  return 0;
}

ssize_t __wasip2_symlink_decode(const struct __wasip2_fs_at *at, const char *t, size_t len, char out[PATH_MAX]) {
  size_t m = strlen(MARK), i = m;
  if (len <= m || memcmp(t, MARK, m)) return -1;
  while (len - i > 2 && t[i] == '.' && t[i + 1] == '/') i += 2;
  long climbs = 0;
  while (len - i > 3 && !memcmp(t + i, "../", 3)) i += 3, climbs++;
  const char *rest = t + i;
  size_t rlen = len - i;
  // what follows the climb is a plain path below the root, or "." for the root
  if (rlen == 0 || rest[0] == '/' || memchr(rest, 0, rlen)) return -1;
  if (rlen >= 2 && rest[0] == '.' && (rest[1] == '/' || (rest[1] == '.' && (rlen == 2 || rest[2] == '/')))) return -1;
  const struct __wasip2_preopen *p = __wasip2_preopen_get(at->preopen);
  if (!p || climbs != depth_below(at, p)) return -1;
  if (rlen == 1 && rest[0] == '.') {
    memcpy(out, p->path, p->len + 1);
    return p->len;
  }
  size_t plen = p->len > 1 ? p->len : 0;
  if (plen + 1 + rlen >= PATH_MAX) return -1;
  memcpy(out, p->path, plen);
  out[plen] = '/';
  memcpy(out + plen + 1, rest, rlen);
  out[plen + 1 + rlen] = 0;
  return plen + 1 + rlen;
}
