// The description kind of files and directories: data moves with
// descriptor.read/write at the description's offset (one host call per
// read or write; a read lands straight in the caller's buffer).  O_APPEND
// asks the host for the size before each write (2 calls): 0.2.0 has no
// atomic append, and append-via-stream would cost a stream, a check-write
// and a flush per write on this host.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/descriptors.h>
#include "wasip2_fs.h"

int __wasip2_fs_fail(wasi_filesystem_types_error_code_t code) {
  errno = __wasip2_fs_errno(code);
  return -1;
}

unsigned char __wasip2_fs_dtype(wasi_filesystem_types_descriptor_type_t t) {
  switch (t) {
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_BLOCK_DEVICE: return DT_BLK;
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_CHARACTER_DEVICE: return DT_CHR;
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY: return DT_DIR;
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_FIFO: return DT_FIFO;
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_SYMBOLIC_LINK: return DT_LNK;
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_REGULAR_FILE: return DT_REG;
#ifdef DT_SOCK
    case WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_SOCKET: return DT_SOCK;
#endif
    default: return DT_UNKNOWN;
  }
}

static void ts(struct timespec *t, const wasip2_option_wasi_clocks_wall_clock_datetime_t *o) {
  t->tv_sec = o->is_some ? (time_t)o->val.seconds : 0;
  t->tv_nsec = o->is_some ? o->val.nanoseconds : 0;
}

void __wasip2_fs_fill_stat(struct stat *st, const wasi_filesystem_types_descriptor_stat_t *s, uint64_t ino) {
  // WASI has no permission bits: report what an owner-writable tree looks
  // like (files 0644, directories 0755), owned by getuid()/getgid().
  static const mode_t modes[] = {
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_UNKNOWN] = 0644,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_BLOCK_DEVICE] = S_IFBLK | 0660,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_CHARACTER_DEVICE] = S_IFCHR | 0666,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY] = S_IFDIR | 0755,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_FIFO] = S_IFIFO | 0644,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_SYMBOLIC_LINK] = S_IFLNK | 0777,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_REGULAR_FILE] = S_IFREG | 0644,
    [WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_SOCKET] = S_IFSOCK | 0755,
  };
  memset(st, 0, sizeof *st);
  // st_ino is metadata-hash's `lower` (the caller's `ino`): both hosts put
  // the inode there; `upper` is the device on the native host but the mtime
  // on preview2-shim (metadata-hash-at), which a write changes, so it is
  // left out and st_dev is one constant for the whole guest tree
  st->st_dev = 0x77617369;
  st->st_ino = ino;
  st->st_nlink = s->link_count;
  st->st_mode = s->type < sizeof modes / sizeof modes[0] ? modes[s->type] : 0644;
  st->st_uid = 1000;
  st->st_gid = 1000;
  st->st_size = s->size;
  st->st_blksize = 4096;
  st->st_blocks = (s->size + 511) / 512;
  ts(&st->st_atim, &s->data_access_timestamp);
  ts(&st->st_mtim, &s->data_modification_timestamp);
  ts(&st->st_ctim, &s->status_change_timestamp);
}

// The host allocates the whole length it is asked to read, whatever the
// file holds: a huge request goes in WASIP2_HOST_IO_MAX pieces, stopping at
// the first short one (end of file), so a read of a small file costs one
// bounded call whatever len says.
static ssize_t do_read(struct __wasip2_fs_file *f, void *buf, size_t len, uint64_t off) {
  if (f->is_dir == 1) { errno = EISDIR; return -1; }
  size_t done = 0;
  while (done < len) {
    size_t want = len - done < WASIP2_HOST_IO_MAX ? len - done : WASIP2_HOST_IO_MAX;
    wasip2_tuple2_list_u8_bool_t got;
    wasi_filesystem_types_error_code_t err;
    char *dst = (char *)buf + done;
    __wasip2_land_begin(dst, want);
    bool ok = wasi_filesystem_types_descriptor_read(f->handle, want, off + done, &got, &err);
    int landed = __wasip2_land_end();
    if (!ok) return done ? (ssize_t)done : __wasip2_fs_fail(err);
    size_t n = got.f0.len;
    if (!landed && n) {
      memcpy(dst, got.f0.ptr, n);
      __wasip2_free(got.f0.ptr);
    }
    done += n;
    if (n < want || got.f1) break;
  }
  return done;
}

static ssize_t do_write(struct __wasip2_desc *d, struct __wasip2_fs_file *f, const void *buf, size_t len, uint64_t off) {
  if (f->is_dir == 1) { errno = EISDIR; return -1; }
  wasi_filesystem_types_filesize_t n = 0;
  wasi_filesystem_types_error_code_t err;
  // in bounded pieces too: the host copies each list it is given
  while (n < len) {
    size_t k = len - n < WASIP2_HOST_IO_MAX ? len - n : WASIP2_HOST_IO_MAX;
    wasip2_list_u8_t list = { (uint8_t *)buf + n, k };
    wasi_filesystem_types_filesize_t w;
    if (!wasi_filesystem_types_descriptor_write(f->handle, &list, off + n, &w, &err)) {
      if (n) break;
      return __wasip2_fs_fail(err);
    }
    n += w;
    if (w < k) break;
  }
  // O_SYNC/O_DSYNC: the host refuses the sync descriptor flags, so each
  // write is followed by a full sync instead (for O_DSYNC too: it does more
  // than sync-data, and every program that writes files then needs only
  // the one import; fdatasync still uses sync-data)
  if (d->flags & (O_SYNC | O_DSYNC | O_RSYNC)) {
    if (!wasi_filesystem_types_descriptor_sync(f->handle, &err)) return __wasip2_fs_fail(err);
  }
  return n;
}

static ssize_t fs_read(struct __wasip2_desc *d, void *buf, size_t len) {
  struct __wasip2_fs_file *f = d->impl;
  ssize_t n = do_read(f, buf, len, f->offset);
  if (n > 0) f->offset += n;
  return n;
}

static ssize_t fs_pread(struct __wasip2_desc *d, void *buf, size_t len, off_t off) {
  if (off < 0) { errno = EINVAL; return -1; }
  return do_read(d->impl, buf, len, off);
}

static int size_of(struct __wasip2_fs_file *f, uint64_t *size) {
  wasi_filesystem_types_descriptor_stat_t s;
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_stat(f->handle, &s, &err)) return __wasip2_fs_fail(err);
  *size = s.size;
  return 0;
}

static ssize_t fs_write(struct __wasip2_desc *d, const void *buf, size_t len) {
  struct __wasip2_fs_file *f = d->impl;
  if (len == 0) return 0;
  if ((d->flags & O_APPEND) && size_of(f, &f->offset) < 0) return -1;
  ssize_t n = do_write(d, f, buf, len, f->offset);
  if (n > 0) f->offset += n;
  return n;
}

static ssize_t fs_pwrite(struct __wasip2_desc *d, const void *buf, size_t len, off_t off) {
  if (off < 0) { errno = EINVAL; return -1; }
  if (len == 0) return 0;
  // Linux (pwrite(2) BUGS): with O_APPEND the data goes to the end of the
  // file whatever `off` says; the file offset is left alone either way
  uint64_t end;
  if (d->flags & O_APPEND) {
    if (size_of(d->impl, &end) < 0) return -1;
    off = (off_t)end;
  }
  return do_write(d, d->impl, buf, len, off);
}

static off_t fs_seek(struct __wasip2_desc *d, off_t off, int whence) {
  struct __wasip2_fs_file *f = d->impl;
  uint64_t base = 0;
  if (whence == SEEK_CUR) base = f->offset;
  else if (whence == SEEK_END && size_of(f, &base) < 0) return -1;
  if ((off < 0 && (uint64_t)-off > base) || (off > 0 && base + off > (uint64_t)INT64_MAX)) {
    errno = off < 0 ? EINVAL : EOVERFLOW;
    return -1;
  }
  f->offset = base + off;
  return f->offset;
}

void __wasip2_fs_set_type(struct __wasip2_desc *d, int is_dir) {
  struct __wasip2_fs_file *f = d->impl;
  f->is_dir = is_dir;
  d->kind = is_dir == 1 ? WASIP2_KIND_DIR : WASIP2_KIND_FILE;
}

int __wasip2_fs_type(struct __wasip2_desc *d) {
  struct __wasip2_fs_file *f = d->impl;
  if (f->is_dir >= 0) return f->is_dir;
  wasi_filesystem_types_descriptor_type_t t;
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_get_type(f->handle, &t, &err)) return __wasip2_fs_fail(err);
  __wasip2_fs_set_type(d, t == WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY);
  return f->is_dir;
}

static int fs_fstat(struct __wasip2_desc *d, struct stat *st) {
  struct __wasip2_fs_file *f = d->impl;
  wasi_filesystem_types_descriptor_stat_t s;
  wasi_filesystem_types_error_code_t err;
  if (!wasi_filesystem_types_descriptor_stat(f->handle, &s, &err)) return __wasip2_fs_fail(err);
  if (!f->have_ino) {
    // an open object keeps its identity: ask for it once per description
    wasi_filesystem_types_metadata_hash_value_t h;
    if (!wasi_filesystem_types_descriptor_metadata_hash(f->handle, &h, &err)) return __wasip2_fs_fail(err);
    f->ino = h.lower;
    f->have_ino = 1;
  }
  __wasip2_fs_set_type(d, s.type == WASI_FILESYSTEM_TYPES_DESCRIPTOR_TYPE_DIRECTORY);
  __wasip2_fs_fill_stat(st, &s, f->ino);
  return 0;
}

static int fs_close(struct __wasip2_desc *d) {
  struct __wasip2_fs_file *f = d->impl;
  if (f->have_dstream) wasi_filesystem_types_directory_entry_stream_drop(f->dstream);
  wasi_filesystem_types_descriptor_drop(f->handle);
  __wasip2_free(f->path);
  __wasip2_free(f);
  return 0;
}

// Regular files never block: ready at once, no host call.
static short fs_poll(struct __wasip2_desc *d, short events, struct __wasip2_poll_ctx *ctx) {
  (void)d; (void)ctx;
  return events & (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
}

static int fs_setfl(struct __wasip2_desc *d, int old_flags) {
  (void)d; (void)old_flags;
  return 0;
}

// <wasi/descriptors.h>: file or directory as the host says (one get-type
// call if nothing asked before: open without O_DIRECTORY does not ask).
static int fs_handles(struct __wasip2_desc *d, struct wasip2_fd_handles *h) {
  int dir = __wasip2_fs_type(d);
  if (dir < 0) return -1;
  h->kind = dir ? WASIP2_FD_DIRECTORY : WASIP2_FD_FILE;
  h->descriptor = ((struct __wasip2_fs_file *)d->impl)->handle;
  return 0;
}

const struct __wasip2_ops __wasip2_fs_ops = {
  .read = fs_read,
  .write = fs_write,
  .pread = fs_pread,
  .pwrite = fs_pwrite,
  .seek = fs_seek,
  .fstat = fs_fstat,
  .close = fs_close,
  .poll = fs_poll,
  .setfl = fs_setfl,
  .handles = fs_handles,
  .epoll_errno = EPERM, // never waits: nothing for epoll to watch (Linux: EPERM)
};

struct __wasip2_fs_file *__wasip2_fs_file_get(int fd, int other, struct __wasip2_desc **descp) {
  struct __wasip2_desc *d = __wasip2_fd_get(fd);
  if (!d) return NULL;
  if (d->ops != &__wasip2_fs_ops) { errno = other; return NULL; }
  if (descp) *descp = d;
  return d->impl;
}

int __wasip2_fs_install(wasi_filesystem_types_descriptor_t handle, int preopen, const char *abs, int oflags, int is_dir) {
  struct __wasip2_fs_file *f = __wasip2_calloc(1, sizeof *f);
  char *path = __wasip2_strdup(abs);
  struct __wasip2_desc *d = NULL;
  if (f && path) {
    f->handle = handle;
    f->preopen = preopen;
    f->path = path;
    f->is_dir = is_dir;
    int flags = oflags & (O_ACCMODE | O_APPEND | O_NONBLOCK | O_SYNC | O_DSYNC | O_RSYNC);
    // the kind follows the type: WASIP2_KIND_FILE until the host says it
    // is a directory (__wasip2_fs_set_type)
    d = __wasip2_desc_new(is_dir == 1 ? WASIP2_KIND_DIR : WASIP2_KIND_FILE, &__wasip2_fs_ops, flags, f);
  }
  if (!d) {
    wasi_filesystem_types_descriptor_drop(handle);
    __wasip2_free(path);
    __wasip2_free(f);
    errno = ENOMEM;
    return -1;
  }
  int fd = __wasip2_fd_install(d, 0);
  if (fd < 0) {
    // refs is still 0: the table never saw it, release by hand
    fs_close(d);
    __wasip2_free(d);
    return -1;
  }
  return fd;
}
