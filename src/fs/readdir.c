// fdopendir/readdir over the host's directory-entry-stream (the top half
// keeps opendir, closedir, rewinddir, seekdir, telldir and dirfd, which only
// touch the DIR fields).  The cookie is the entry index: 0 ".", 1 ".."
// (synthesised: WASI lists neither), 2+k the host's k-th entry.  The
// stream only goes forward, so a seek backwards re-opens it and skips.
// One host call per entry: 0.2.0's read-directory-entry returns exactly one
// entry, no batch form exists.  The name lands directly in the dirent.
// d_ino is the entry's st_ino (lstat's: the entry itself, as Linux's), from
// metadata-hash-at: programs compare the two to spot hard links and loops,
// so it costs one more host call per entry (0.2.0's directory entries carry
// no inode).  "." is the directory's own; ".." its parent's when the host
// lets us look (not above a preopen); where it refuses, a hash of the name.
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "wasip2_fs.h"

DIR *fdopendir(int fd) {
  struct __wasip2_desc *desc = NULL;
  struct __wasip2_fs_file *f = __wasip2_vdir_path(fd) ? NULL : __wasip2_fs_file_get(fd, ENOTDIR, &desc);
  if (!f && !__wasip2_vdir_path(fd)) return NULL;
  if (!f) goto alloc; // a virtual directory (src/fs/vdir.c): nothing to ask the host
  if (f->is_dir == 0) { errno = ENOTDIR; return NULL; }
  if (f->is_dir < 0) {
    // opened without O_DIRECTORY: asking for the stream is the type check
    wasi_filesystem_types_error_code_t err;
    if (!wasi_filesystem_types_descriptor_read_directory(f->handle, &f->dstream, &err)) {
      __wasip2_fs_fail(err);
      if (errno == EBADF || errno == EISDIR || errno == EINVAL) errno = ENOTDIR;
      return NULL;
    }
    f->have_dstream = 1;
    f->dpos = 0;
    __wasip2_fs_set_type(desc, 1);
  }
alloc:;
  DIR *d = calloc(1, sizeof *d);
  if (!d) { errno = ENOMEM; return NULL; }
  d->fd = fd;
  return d;
}

static int ensure_dirent(DIR *dirp, size_t namelen) {
  size_t need = offsetof(struct dirent, d_name) + namelen + 1;
  if (need < offsetof(struct dirent, d_name) + NAME_MAX + 1) need = offsetof(struct dirent, d_name) + NAME_MAX + 1;
  if (dirp->dirent && dirp->dirent_size >= need) return 0;
  struct dirent *e = realloc(dirp->dirent, need);
  if (!e) { errno = ENOMEM; return -1; }
  dirp->dirent = e;
  dirp->dirent_size = need;
  return 0;
}

// st_ino of name in f (what fstatat(..., AT_SYMLINK_NOFOLLOW) gives), or
// of f itself for "."; 0 when the host will not say.
static uint64_t ino_of(struct __wasip2_fs_file *f, const char *name, size_t n) {
  wasi_filesystem_types_metadata_hash_value_t h;
  wasi_filesystem_types_error_code_t err;
  if (!f) return 0;
  if (n == 1 && name[0] == '.') return wasi_filesystem_types_descriptor_metadata_hash(f->handle, &h, &err) ? h.lower : 0;
  wasip2_string_t s = { (char *)name, n };
  return wasi_filesystem_types_descriptor_metadata_hash_at(f->handle, 0, &s, &h, &err) ? h.lower : 0;
}

static struct dirent *emit(DIR *dirp, struct __wasip2_fs_file *f, const char *name, size_t n, unsigned char type) {
  if (ensure_dirent(dirp, n) < 0) return NULL;
  struct dirent *e = dirp->dirent;
  if (name != e->d_name) memmove(e->d_name, name, n);
  e->d_name[n] = 0;
  e->d_type = type;
  uint64_t h = ino_of(f, e->d_name, n);
  if (!h) {
    h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)name[i]) * 1099511628211ull;
  }
  e->d_ino = h ? h : 1;
  dirp->cookie++;
  return e;
}

// Next host entry into dirp->dirent (name landed in d_name); 0 at the end.
static int next_entry(DIR *dirp, struct __wasip2_fs_file *f, size_t *len, unsigned char *type) {
  wasip2_option_wasi_filesystem_types_directory_entry_t ent;
  wasi_filesystem_types_error_code_t err;
  if (ensure_dirent(dirp, NAME_MAX) < 0) return -1;
  char *slot = dirp->dirent->d_name;
  __wasip2_land_begin(slot, dirp->dirent_size - offsetof(struct dirent, d_name) - 1);
  bool ok = wasi_filesystem_types_directory_entry_stream_read_directory_entry(f->dstream, &ent, &err);
  int landed = __wasip2_land_end();
  if (!ok) return __wasip2_fs_fail(err);
  if (!ent.is_some) return 0;
  size_t n = ent.val.name.len;
  if (!landed) {
    // longer than the slot: grow, copy, release the host's copy
    if (ensure_dirent(dirp, n) < 0) { free(ent.val.name.ptr); return -1; }
    memcpy(dirp->dirent->d_name, ent.val.name.ptr, n);
    if (n) free(ent.val.name.ptr);
  }
  f->dpos++;
  *len = n;
  *type = __wasip2_fs_dtype(ent.val.type);
  return 1;
}

struct dirent *readdir(DIR *dirp) {
  const char *virt = __wasip2_vdir_path(dirp->fd);
  struct __wasip2_fs_file *f = virt ? NULL : __wasip2_fs_file_get(dirp->fd, EBADF, NULL);
  if (!f && !virt) return NULL;
  if (dirp->cookie == 0) return emit(dirp, f, ".", 1, DT_DIR);
  if (dirp->cookie == 1) return emit(dirp, f, "..", 2, DT_DIR);
  if (virt) {
    // the preopens below it, each a directory
    const char *name;
    size_t n;
    if (!__wasip2_vdir_child(virt, dirp->cookie - 2, &name, &n)) return NULL;
    return emit(dirp, NULL, name, n, DT_DIR);
  }
  uint64_t want = dirp->cookie - 2;
  wasi_filesystem_types_error_code_t err;
  if (f->have_dstream && f->dpos > want) {
    wasi_filesystem_types_directory_entry_stream_drop(f->dstream);
    f->have_dstream = 0;
  }
  if (!f->have_dstream) {
    if (!wasi_filesystem_types_descriptor_read_directory(f->handle, &f->dstream, &err)) {
      __wasip2_fs_fail(err);
      return NULL;
    }
    f->have_dstream = 1;
    f->dpos = 0;
  }
  size_t n;
  unsigned char type;
  for (;;) {
    int r = next_entry(dirp, f, &n, &type);
    // at the end nothing moves: later calls keep returning NULL
    if (r <= 0) return NULL;
    if (f->dpos - 1 == want) break;
  }
  return emit(dirp, f, dirp->dirent->d_name, n, type);
}
