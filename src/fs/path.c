// Path resolution, the one resolver every path call goes through (the
// POSIX path functions are AT_FDCWD wrappers over the *at functions, which
// call __wasip2_fs_resolve once per path): every path becomes a normalised
// absolute guest path (cwd or directory fd + path, ".." applied lexically,
// never above "/"), then the preopen holding it and the path relative to
// that preopen (or, inside a directory fd, relative to that directory).
// Escapes cannot reach the host: "/data/../../etc" is "/etc", outside every
// preopen, so it fails with ENOENT before any host call.  Symlinks are
// followed by the host inside the preopen; one pointing outside (absolute
// target or too many "..") is refused by it with EPERM.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "wasip2_fs.h"


static int push(char *out, size_t *len, const char *comp, size_t n) {
  if (*len + 1 + n >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
  out[(*len)++] = '/';
  memcpy(out + *len, comp, n);
  *len += n;
  out[*len] = 0;
  return 0;
}

static int walk(char *out, size_t *len, const char *p, int *trailing) {
  *trailing = 0;
  while (*p) {
    while (*p == '/') p++;
    if (!*p) { *trailing = 1; break; }
    const char *e = p;
    while (*e && *e != '/') e++;
    size_t n = e - p;
    *trailing = 0;
    if (n == 1 && p[0] == '.') {
      *trailing = 1;
    } else if (n == 2 && p[0] == '.' && p[1] == '.') {
      while (*len > 0 && out[*len - 1] != '/') (*len)--;
      if (*len > 0) (*len)--;
      out[*len] = 0;
      *trailing = 1;
    } else if (push(out, len, p, n) < 0) {
      return -1;
    }
    p = e;
  }
  return 0;
}

// WASI paths are strings: Unicode scalar values in UTF-8.  A name that is
// not (a Latin-1 byte, an overlong form, a surrogate, beyond U+10FFFF)
// would reach the host mangled or not at all, so it is EILSEQ here, before
// any host call.  Checks the first `max` bytes.
int __wasip2_path_utf8(const char *s, size_t max) {
  const unsigned char *p = (const unsigned char *)s, *end = p + strnlen(s, max);
  while (p < end) {
    unsigned c = *p;
    if (c < 0x80) { p++; continue; }
    int n = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
    if (n < 0 || c > 0xf4 || end - p <= n) { errno = EILSEQ; return -1; }
    unsigned v = c & (0x3f >> n);
    for (int i = 1; i <= n; i++) {
      if ((p[i] & 0xc0) != 0x80) { errno = EILSEQ; return -1; }
      v = v << 6 | (p[i] & 0x3f);
    }
    if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10ffff)) || (v >= 0xd800 && v <= 0xdfff)) {
      errno = EILSEQ;
      return -1;
    }
    p += n + 1;
  }
  return 0;
}

int __wasip2_path_normalize(const char *base, const char *path, char out[PATH_MAX], int *trailing) {
  if (!path) { errno = EFAULT; return -1; }
  if (!*path) { errno = ENOENT; return -1; }
  if (strnlen(path, PATH_MAX) >= PATH_MAX) { errno = ENAMETOOLONG; return -1; }
  if (__wasip2_path_utf8(path, PATH_MAX) < 0) return -1;
  size_t len = 0;
  int t;
  out[0] = 0;
  if (path[0] != '/' && base && walk(out, &len, base, &t) < 0) return -1;
  if (walk(out, &len, path, trailing) < 0) return -1;
  if (len == 0) { out[0] = '/'; out[1] = 0; }
  return 0;
}

// rel with the trailing '/' the caller asked for (it makes the host insist
// on a directory), copied into at->buf only when needed.
static const char *finish(struct __wasip2_fs_at *at, const char *rel, int trailing) {
  size_t n = strlen(rel);
  if (!trailing || (n == 1 && rel[0] == '.') || n + 2 > sizeof at->buf) return rel;
  memmove(at->buf, rel, n);
  at->buf[n] = '/';
  at->buf[n + 1] = 0;
  return at->buf;
}

int __wasip2_fs_resolve(int dirfd, const char *path, struct __wasip2_fs_at *at) {
  const char *base = NULL;
  struct __wasip2_fs_file *f = NULL;
  int trailing;
  if (!path) { errno = EFAULT; return -1; }
  // an absolute path ignores dirfd (even a bad one), as on Linux
  if (path[0] != '/') {
    if (dirfd == AT_FDCWD) {
      base = __wasip2_cwd();
    } else if ((base = __wasip2_vdir_path(dirfd))) {
      // a virtual directory: its path, then the preopens as for any path
    } else {
      f = __wasip2_fs_file_get(dirfd, ENOTDIR, NULL);
      if (!f) return -1;
      if (f->is_dir == 0) { errno = ENOTDIR; return -1; }
      base = f->path;
    }
  }
  if (__wasip2_path_normalize(base, path, at->abs, &trailing) < 0) return -1;
  if (f) {
    // inside the directory fd: ask its own descriptor, so the call follows
    // the directory even if it was renamed since it was opened
    size_t n = strlen(f->path);
    if (n == 1) n = 0;
    if (strncmp(at->abs, f->path, n) == 0 && (at->abs[n] == '/' || at->abs[n] == 0)) {
      const char *r = at->abs + n;
      while (*r == '/') r++;
      at->handle = f->handle;
      at->preopen = f->preopen;
      at->rel = finish(at, *r ? r : ".", trailing);
      return 0;
    }
  }
  const char *rest;
  int i = __wasip2_preopen_match(at->abs, &rest);
  if (i < 0) return -1;
  at->handle = __wasip2_preopen_get(i)->handle;
  at->preopen = i;
  at->rel = finish(at, rest, trailing);
  return 0;
}
