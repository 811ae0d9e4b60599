// wasip2_host.node: the Linux system calls behind wasip2-run's native host
// (tools/lib/native-host.mjs), one Node-API function per call, run on the calling thread.
//
// Conventions: every function returns a Number; a negative one is -errno. Bulk results go
// to one scratch ArrayBuffer made at init() (no allocation per call): a header of HDR_SIZE
// bytes (stat fields as int64 from byte 0, a socket address at SA_OFF with its length at
// SA_LEN_OFF) followed by DATA_SIZE bytes for read/recv. The JS side copies out of it before
// its next call. Paths are resolved beneath a directory descriptor with openat2's
// RESOLVE_BENEATH (the kernel refuses absolute paths, `..` above the start and symlinks that
// leave it: EXDEV, reported as EPERM), never by comparing strings.
#define _GNU_SOURCE
#include <node_api.h>
#include "napi_exports.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define HDR_SIZE 256
#define SA_OFF 128
#define SA_LEN_OFF 124
#define DATA_SIZE (1 << 20)

static unsigned char *scratch;     // HDR_SIZE + DATA_SIZE bytes, owned by a JS ArrayBuffer
static napi_ref scratch_ref;

// ---------------------------------------------------------------- argument helpers
#define ARGS(n)                                                              \
  size_t argc = n;                                                           \
  napi_value argv[n > 0 ? n : 1];                                            \
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL)

static napi_value num(napi_env env, double v) {
  napi_value r;
  napi_create_double(env, v, &r);
  return r;
}
static int32_t i32(napi_env env, napi_value v) {
  int32_t r = 0;
  napi_get_value_int32(env, v, &r);
  return r;
}
static double f64(napi_env env, napi_value v) {
  double r = 0;
  napi_get_value_double(env, v, &r);
  return r;
}
// A path argument: a JS string, NUL-free, shorter than PATH_MAX.
static int path_arg(napi_env env, napi_value v, char *buf) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, buf, PATH_MAX, &len) != napi_ok) return -EINVAL;
  if (len >= PATH_MAX - 1) return -ENAMETOOLONG;
  if (strlen(buf) != len) return -EINVAL; // an embedded NUL
  return 0;
}
// Declares `char name[PATH_MAX]` holding path argument v, or returns its -errno to JS.
#define PATH_ARG(name, v)                                                    \
  char name[PATH_MAX];                                                       \
  do {                                                                       \
    int path_err_ = path_arg(env, (v), name);                                \
    if (path_err_) return num(env, path_err_);                               \
  } while (0)
// A byte-buffer argument (any TypedArray or DataView view).
static int bytes_arg(napi_env env, napi_value v, void **data, size_t *len) {
  bool is;
  napi_is_typedarray(env, v, &is);
  if (is) {
    napi_typedarray_type t;
    size_t n, off;
    napi_value ab;
    napi_get_typedarray_info(env, v, &t, &n, data, &ab, &off);
    size_t el = (t == napi_uint8_array || t == napi_int8_array || t == napi_uint8_clamped_array) ? 1
              : (t == napi_int16_array || t == napi_uint16_array) ? 2
              : (t == napi_float64_array || t == napi_bigint64_array || t == napi_biguint64_array) ? 8 : 4;
    *len = n * el;
    return 0;
  }
  napi_is_arraybuffer(env, v, &is);
  if (is) return napi_get_arraybuffer_info(env, v, data, len) == napi_ok ? 0 : -EINVAL;
  return -EINVAL;
}
#define RET(expr) return num(env, (expr) < 0 ? -errno : (double)(expr))

// ---------------------------------------------------------------- injected results
// inject(errno[, mode, nlink, size, atime s, ns, mtime s, ns, ctime s, ns, dev, ino]): from
// now on the stat calls (stat-at, stat, metadata hashes), open and pread report this instead
// of asking the kernel (errno 0: the stat fields; open and pread then run as usual);
// inject() ends it. Only test/host/lowering.test.mjs uses it: it drives the glue's lowering
// and the core-ABI one of the same calls through every error code and file type.
static struct { int on, err; struct stat st; } fake;
static napi_value n_inject(napi_env env, napi_callback_info info) {
  ARGS(13);
  memset(&fake, 0, sizeof fake);
  napi_valuetype t;
  napi_typeof(env, argv[0], &t);
  if (argc < 1 || t != napi_number) return num(env, 0);
  fake.on = 1;
  fake.err = i32(env, argv[0]);
  double v[12] = { 0 };
  for (size_t i = 1; i < argc && i < 13; i++) v[i - 1] = f64(env, argv[i]);
  fake.st.st_mode = (mode_t)v[0]; fake.st.st_nlink = (nlink_t)v[1]; fake.st.st_size = (off_t)v[2];
  struct timespec *ts[3] = { &fake.st.st_atim, &fake.st.st_mtim, &fake.st.st_ctim };
  for (int i = 0; i < 3; i++) { ts[i]->tv_sec = (time_t)v[3 + 2 * i]; ts[i]->tv_nsec = (long)v[4 + 2 * i]; }
  fake.st.st_dev = (dev_t)v[9]; fake.st.st_ino = (ino_t)v[10];
  return num(env, 0);
}
// the injected result of a stat call: 1 (*r set: 0 or -1 with errno), else 0
static int faked_stat(struct stat *st, int *r) {
  if (!fake.on) return 0;
  if (fake.err) { errno = fake.err; *r = -1; } else { *st = fake.st; *r = 0; }
  return 1;
}
static int fstat_fd(int fd, struct stat *st) {
  int r;
  if (faked_stat(st, &r)) return r;
  return fstat(fd, st);
}

// ---------------------------------------------------------------- paths
static int beneath(int dirfd, const char *path, int flags, int mode) {
  if (fake.on && fake.err) { errno = fake.err; return -1; }
  struct open_how how = { .flags = (uint64_t)flags | O_CLOEXEC, .mode = (uint64_t)mode,
                          .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS };
  if (!(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE) how.mode = 0;
  // openat2 refuses O_PATH with any flag that has no meaning for it (O_NOCTTY, O_SYNC...)
  if (flags & O_PATH) how.flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
  int fd;
  do fd = (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how); while (fd < 0 && errno == EINTR);
  if (fd < 0 && errno == EXDEV) errno = EPERM; // escapes the directory: not permitted
  return fd;
}

// Split `path` for an operation on its last component: *parent is a descriptor for the
// directory that holds it (dirfd itself, or one opened beneath dirfd: close it when
// *owned), `leaf` receives the last component. Trailing slashes stay on the leaf (mkdirat
// "d/" works, unlinkat "f/" is ENOTDIR, as for the same path on Linux) and set *slash:
// callers that would follow a symlink named by "link/" resolve the whole path instead. A last
// component `..` cannot be used as a name in its parent without leaving the checked tree, so
// then the whole path is opened beneath dirfd and leaf becomes ".".
static int split(int dirfd, const char *path, int *parent, int *owned, char *leaf, int *slash) {
  size_t n = strlen(path);
  *owned = 0;
  if (slash) *slash = 0;
  if (n == 0) { errno = ENOENT; return -1; }
  if (path[0] == '/') { errno = EPERM; return -1; }
  size_t end = n;
  while (end > 1 && path[end - 1] == '/') end--;
  if (end < n && slash) *slash = 1;
  const char *slashp = memrchr(path, '/', end);
  const char *last = slashp ? slashp + 1 : path;
  size_t ll = (size_t)(path + end - last);
  if (ll == 2 && last[0] == '.' && last[1] == '.') {
    int fd = beneath(dirfd, path, O_PATH | O_DIRECTORY, 0);
    if (fd < 0) return -1;
    *parent = fd; *owned = 1;
    strcpy(leaf, ".");
    return 0;
  }
  strcpy(leaf, last); // with its trailing slashes
  if (!slashp) { *parent = dirfd; return 0; }
  char head[PATH_MAX];
  size_t hl = (size_t)(slashp - path);
  memcpy(head, path, hl);
  head[hl] = 0;
  if (hl == 0) { errno = EPERM; return -1; }
  int fd = beneath(dirfd, head, O_PATH | O_DIRECTORY, 0);
  if (fd < 0) return -1;
  *parent = fd; *owned = 1;
  return 0;
}

// The stat-at just answered by statat_raw, for the metadata-hash-at of the same path that
// libc asks next (st_ino): any call that could create, rename, remove or close something
// forgets it (stat_forget), so a hash is never older than the calls between the two.
static struct {
  int valid, dirfd, follow;
  size_t len;
  char path[PATH_MAX];
  int64_t dev, ino;
} last_stat;
static void stat_forget(void) { last_stat.valid = 0; }

// open(dirfd, path, oflags, mode) -> fd
static napi_value n_open(napi_env env, napi_callback_info info) {
  ARGS(4);
  stat_forget();
  PATH_ARG(p, argv[1]);
  int fd = beneath(i32(env, argv[0]), p, i32(env, argv[2]), i32(env, argv[3]));
  RET(fd);
}

// openroot(hostPath) -> a directory descriptor for a preopen (the one unchecked open: the
// runner's own --dir argument)
static napi_value n_openroot(napi_env env, napi_callback_info info) {
  ARGS(1);
  PATH_ARG(p, argv[0]);
  RET(open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

// realtime() -> 0, seconds and nanoseconds of CLOCK_REALTIME as int64 at scratch[12], [13]
static napi_value n_realtime(napi_env env, napi_callback_info info) {
  (void)info;
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  ((int64_t *)scratch)[12] = t.tv_sec;
  ((int64_t *)scratch)[13] = t.tv_nsec;
  return num(env, 0);
}

static void put_stat(const struct stat *st) {
  int64_t *o = (int64_t *)scratch;
  o[0] = st->st_mode; o[1] = (int64_t)st->st_nlink; o[2] = st->st_size;
  o[3] = st->st_atim.tv_sec; o[4] = st->st_atim.tv_nsec;
  o[5] = st->st_mtim.tv_sec; o[6] = st->st_mtim.tv_nsec;
  o[7] = st->st_ctim.tv_sec; o[8] = st->st_ctim.tv_nsec;
  o[9] = (int64_t)st->st_dev; o[10] = (int64_t)st->st_ino;
}

// stat of a path beneath dirfd; follow: symlinks too (still beneath dirfd)
static int stat_beneath(int dirfd, const char *p, int follow, struct stat *st) {
  int parent, owned, r, slash;
  if (faked_stat(st, &r)) return r;
  char leaf[PATH_MAX];
  if (split(dirfd, p, &parent, &owned, leaf, &slash) < 0) return -1;
  // "link/" names what the link points to, and fstatat would follow it unchecked: resolve
  // such a path, like any link to follow, beneath dirfd
  r = slash ? 0 : fstatat(parent, leaf, st, AT_SYMLINK_NOFOLLOW);
  if (r == 0 && (slash || (follow && S_ISLNK(st->st_mode)))) {
    // the target must be checked too: let the kernel resolve it beneath dirfd
    int fd = beneath(dirfd, p, O_PATH, 0);
    if (fd < 0) r = -1;
    else { r = fstat(fd, st); close(fd); }
  }
  if (owned) { int e = errno; close(parent); errno = e; }
  return r;
}

// statat(dirfd, path, follow) -> 0, stat fields in scratch
static napi_value n_statat(napi_env env, napi_callback_info info) {
  ARGS(3);
  PATH_ARG(p, argv[1]);
  bool follow = false;
  napi_get_value_bool(env, argv[2], &follow);
  struct stat st;
  int r = stat_beneath(i32(env, argv[0]), p, follow, &st);
  if (r == 0) put_stat(&st);
  RET(r);
}

static napi_value n_fstat(napi_env env, napi_callback_info info) {
  ARGS(1);
  struct stat st;
  int r = fstat_fd(i32(env, argv[0]), &st);
  if (r == 0) put_stat(&st);
  RET(r);
}

// pathop(op, dirfd, path, [dirfd2, path2 | mode | flags]): the one-path and two-path calls
enum { OP_MKDIR, OP_UNLINK, OP_RMDIR, OP_RENAME, OP_LINK, OP_SYMLINK, OP_READLINK, OP_LINK_FOLLOW };
static napi_value n_pathop(napi_env env, napi_callback_info info) {
  ARGS(5);
  stat_forget();
  int op = i32(env, argv[0]), dirfd = i32(env, argv[1]);
  char leaf[PATH_MAX], p2[PATH_MAX], leaf2[PATH_MAX];
  PATH_ARG(p, argv[2]);
  int e;
  if (op == OP_SYMLINK) {
    // symlinkat(target = argv[2], dirfd, path = argv[3]): the target is stored, not resolved
    // here; an absolute target or one that climbs out is refused later, when it is followed
    e = path_arg(env, argv[3], p2);
    if (e) return num(env, e);
    int parent, owned;
    if (split(dirfd, p2, &parent, &owned, leaf2, NULL) < 0) return num(env, -errno);
    int r = symlinkat(p, parent, leaf2);
    e = errno;
    if (owned) close(parent);
    return num(env, r < 0 ? -e : 0);
  }
  int parent, owned, slash;
  if (split(dirfd, p, &parent, &owned, leaf, &slash) < 0) return num(env, -errno);
  int r = -1;
  e = 0;
  if (slash && op == OP_READLINK) { // "link/" is what the link points to: never a link itself
    if (owned) close(parent);
    return num(env, -EINVAL);
  }
  switch (op) {
  case OP_MKDIR: r = mkdirat(parent, leaf, 0777); break;
  case OP_UNLINK: r = unlinkat(parent, leaf, 0); break;
  case OP_RMDIR: r = unlinkat(parent, leaf, AT_REMOVEDIR); break;
  case OP_READLINK: {
    ssize_t n = readlinkat(parent, leaf, (char *)scratch + HDR_SIZE, DATA_SIZE);
    r = (int)n;
    break;
  }
  case OP_LINK_FOLLOW: {
    // link-at with symlink-follow: the source is resolved whole, symlinks included, beneath
    // dirfd by the kernel (openat2), and the file it reaches is linked through its
    // /proc/self/fd name (linkat follows that one magic link; no path leaves the sandbox)
    int dirfd2 = i32(env, argv[3]);
    e = path_arg(env, argv[4], p2);
    if (e) { errno = -e; break; }
    int src = beneath(dirfd, p, O_PATH, 0);
    if (src < 0) break;
    int parent2, owned2;
    if (split(dirfd2, p2, &parent2, &owned2, leaf2, NULL) < 0) { e = errno; close(src); errno = e; break; }
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", src);
    r = linkat(AT_FDCWD, proc, parent2, leaf2, AT_SYMLINK_FOLLOW);
    e = errno;
    close(src);
    if (owned2) close(parent2);
    errno = e;
    break;
  }
  case OP_RENAME: case OP_LINK: {
    int dirfd2 = i32(env, argv[3]);
    e = path_arg(env, argv[4], p2);
    if (e) { errno = -e; break; }
    int parent2, owned2;
    if (split(dirfd2, p2, &parent2, &owned2, leaf2, NULL) < 0) break;
    r = op == OP_RENAME ? renameat(parent, leaf, parent2, leaf2) : linkat(parent, leaf, parent2, leaf2, 0);
    e = errno;
    if (owned2) close(parent2);
    errno = e;
    break;
  }
  default: errno = EINVAL;
  }
  e = errno;
  if (owned) close(parent);
  return num(env, r < 0 ? -e : r);
}

// utimens(dirfd, path|null, follow, atime_s, atime_ns, mtime_s, mtime_ns): with path null,
// dirfd itself. A nanoseconds value of -1 is "now", -2 "no change".
static napi_value n_utimens(napi_env env, napi_callback_info info) {
  ARGS(7);
  stat_forget();
  int dirfd = i32(env, argv[0]);
  struct timespec ts[2];
  for (int i = 0; i < 2; i++) {
    double s = f64(env, argv[3 + 2 * i]);
    int ns = i32(env, argv[4 + 2 * i]);
    ts[i].tv_sec = (time_t)s;
    ts[i].tv_nsec = ns == -1 ? UTIME_NOW : ns == -2 ? UTIME_OMIT : ns;
  }
  napi_valuetype t;
  napi_typeof(env, argv[1], &t);
  if (t != napi_string) RET(futimens(dirfd, ts));
  char leaf[PATH_MAX];
  PATH_ARG(p, argv[1]);
  int e;
  bool follow = false;
  napi_get_value_bool(env, argv[2], &follow);
  size_t pl = strlen(p);
  if (pl > 1 && p[pl - 1] == '/') follow = true; // "link/" names the link's target
  int r;
  if (follow) {
    // the file behind the links, found beneath dirfd; O_PATH descriptors take futimens on
    // Linux only through /proc, so open it for reading or, failing that, writing
    int fd = beneath(dirfd, p, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0);
    if (fd < 0 && (errno == EACCES || errno == EISDIR)) fd = beneath(dirfd, p, O_WRONLY | O_NONBLOCK | O_NOCTTY, 0);
    if (fd < 0) return num(env, -errno);
    r = futimens(fd, ts);
    e = errno;
    close(fd);
    return num(env, r < 0 ? -e : 0);
  }
  int parent, owned;
  if (split(dirfd, p, &parent, &owned, leaf, NULL) < 0) return num(env, -errno);
  r = utimensat(parent, leaf, ts, AT_SYMLINK_NOFOLLOW);
  e = errno;
  if (owned) close(parent);
  return num(env, r < 0 ? -e : 0);
}

// ---------------------------------------------------------------- descriptors
static napi_value n_close(napi_env env, napi_callback_info info) {
  ARGS(1);
  stat_forget();
  RET(close(i32(env, argv[0])));
}

// pread(fd, len, offset) -> n into scratch data; offset < 0: read() at the file position
static napi_value n_pread(napi_env env, napi_callback_info info) {
  ARGS(3);
  int fd = i32(env, argv[0]);
  double len = f64(env, argv[1]), off = f64(env, argv[2]);
  size_t n = len > DATA_SIZE ? DATA_SIZE : (size_t)len;
  ssize_t r;
  if (fake.on && fake.err) { errno = fake.err; RET(-1); }
  do r = off < 0 ? read(fd, scratch + HDR_SIZE, n) : pread(fd, scratch + HDR_SIZE, n, (off_t)off);
  while (r < 0 && errno == EINTR);
  RET(r);
}

// pwrite(fd, bytes, offset) -> n; offset -1: write() at the file position, -2: append
static napi_value n_pwrite(napi_env env, napi_callback_info info) {
  ARGS(3);
  int fd = i32(env, argv[0]);
  void *data; size_t len;
  int e = bytes_arg(env, argv[1], &data, &len);
  if (e) return num(env, e);
  double off = f64(env, argv[2]);
  ssize_t r;
  do {
    if (off == -1) r = write(fd, data, len);
    else if (off == -2) {
      struct iovec v = { data, len };
      r = pwritev2(fd, &v, 1, -1, RWF_APPEND);
    } else r = pwrite(fd, data, len, (off_t)off);
  } while (r < 0 && errno == EINTR);
  RET(r);
}

// fdop(op, fd, a, b) -> result: the small per-descriptor calls
enum { FD_FTRUNCATE, FD_FSYNC, FD_FDATASYNC, FD_GETFL, FD_ADVISE, FD_ISATTY, FD_SETNONBLOCK, FD_SEEK_END };
static napi_value n_fdop(napi_env env, napi_callback_info info) {
  ARGS(5);
  int op = i32(env, argv[0]), fd = i32(env, argv[1]);
  double a = f64(env, argv[2]), b = f64(env, argv[3]);
  int r = -1;
  switch (op) {
  case FD_FTRUNCATE: r = ftruncate(fd, (off_t)a); break;
  case FD_FSYNC: r = fsync(fd); break;
  case FD_FDATASYNC: r = fdatasync(fd); break;
  case FD_GETFL: r = fcntl(fd, F_GETFL); break;
  case FD_ADVISE: // a = offset, b = length, the fifth argument the advice
    r = posix_fadvise(fd, (off_t)a, (off_t)b, argc > 4 ? i32(env, argv[4]) : POSIX_FADV_NORMAL);
    if (r) { errno = r; r = -1; }
    break;
  case FD_ISATTY: r = isatty(fd); break;
  case FD_SETNONBLOCK: {
    int fl = fcntl(fd, F_GETFL);
    r = fl < 0 ? -1 : fcntl(fd, F_SETFL, a ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK));
    break;
  }
  case FD_SEEK_END: { off_t o = lseek(fd, 0, SEEK_END); return num(env, o < 0 ? -errno : (double)o); }
  default: errno = EINVAL;
  }
  RET(r);
}

// readdir(fd) -> [type, name, type, name, ...] for every entry but . and .., read from a new
// descriptor of the same directory (its own position, so the stream starts at the beginning)
static napi_value n_readdir(napi_env env, napi_callback_info info) {
  ARGS(1);
  int fd = openat(i32(env, argv[0]), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return num(env, -errno);
  DIR *d = fdopendir(fd);
  if (!d) { int e = errno; close(fd); return num(env, -e); }
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t i = 0;
  struct dirent *de;
  errno = 0;
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    int type = de->d_type;
    if (type == DT_UNKNOWN) {
      struct stat st;
      if (fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) type = IFTODT(st.st_mode);
    }
    napi_value t, name;
    napi_create_int32(env, type, &t);
    napi_create_string_utf8(env, de->d_name, NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, arr, i++, t);
    napi_set_element(env, arr, i++, name);
    errno = 0;
  }
  int e = errno;
  closedir(d);
  if (e) return num(env, -e);
  return arr;
}

// ---------------------------------------------------------------- guest-memory calls
// The hot filesystem calls, lowered by the glue straight to the core wasm ABI (tools/lib/
// glue-fast.mjs): the path comes as (pointer, length) into the guest's memory, and the
// result is written to the guest's return area, in the canonical ABI layout of the WIT
// result, with no JS value made in between. Each returns 0 when it wrote the result (ok or
// err), or RAW_FALLBACK when the call must take the ordinary path instead (a path that is
// not plain ASCII, a pointer out of bounds: that path decodes, checks and traps as the
// component model says).
#define RAW_FALLBACK (-2)
static uint8_t fs_codes[4096]; // errno -> wasi:filesystem error-code (set_fs_codes)
static uint8_t fs_code_io;

static int fs_code(int e) { return e > 0 && e < (int)sizeof fs_codes ? fs_codes[e] : fs_code_io; }

// set_fs_codes(Uint8Array by errno, code of `io`): the JS side owns the mapping
static napi_value n_set_fs_codes(napi_env env, napi_callback_info info) {
  ARGS(2);
  void *data; size_t len;
  if (bytes_arg(env, argv[0], &data, &len)) return num(env, -EINVAL);
  fs_code_io = (uint8_t)i32(env, argv[1]);
  memset(fs_codes, fs_code_io, sizeof fs_codes);
  memcpy(fs_codes, data, len < sizeof fs_codes ? len : sizeof fs_codes);
  return num(env, 0);
}

struct mem { uint8_t *base; size_t size; };
static int mem_arg(napi_env env, napi_value v, struct mem *m) {
  void *p; size_t n;
  if (napi_get_arraybuffer_info(env, v, &p, &n) != napi_ok) return -1;
  m->base = p; m->size = n;
  return 0;
}
static int in_bounds(const struct mem *m, double ptr, double len) {
  return ptr >= 0 && len >= 0 && ptr + len <= (double)m->size;
}
// A guest path, NUL-terminated into out: plain ASCII without NUL, else a fallback.
static int mem_path(const struct mem *m, double ptr, double len, char *out) {
  if (!in_bounds(m, ptr, len) || len >= PATH_MAX - 1) return -1;
  size_t n = (size_t)len;
  const uint8_t *s = m->base + (size_t)ptr;
  for (size_t i = 0; i < n; i++) if (s[i] == 0 || s[i] >= 0x80) return -1;
  memcpy(out, s, n);
  out[n] = 0;
  return 0;
}
// The arguments every guest-memory call starts with: the memory (argv[0]), the return area
// (argv[ret_i], ret_size bytes) and, when path_i >= 0, the path as (pointer, length) at
// argv[path_i], argv[path_i + 1]. 0 when all are usable, else the call falls back.
struct raw_args { struct mem m; uint8_t *ret; char path[PATH_MAX]; };
static int raw_args(napi_env env, napi_value *argv, int path_i, int ret_i, size_t ret_size, struct raw_args *a) {
  double ret = f64(env, argv[ret_i]);
  if (mem_arg(env, argv[0], &a->m) || !in_bounds(&a->m, ret, (double)ret_size)) return -1;
  if (path_i >= 0 && mem_path(&a->m, f64(env, argv[path_i]), f64(env, argv[path_i + 1]), a->path)) return -1;
  a->ret = a->m.base + (size_t)ret;
  return 0;
}
static void put8(uint8_t *p, uint8_t v) { *p = v; }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static uint8_t type_code(mode_t m) {
  switch (m & S_IFMT) {
  case S_IFBLK: return 1; case S_IFCHR: return 2; case S_IFDIR: return 3; case S_IFIFO: return 4;
  case S_IFLNK: return 5; case S_IFREG: return 6; case S_IFSOCK: return 7; default: return 0;
  }
}
// result<descriptor-stat, error-code> at r (104 bytes): tag, then at 8 the record
static void put_stat_result(uint8_t *r, const struct stat *st, int err) {
  put8(r, err ? 1 : 0);
  if (err) { put8(r + 8, fs_code(err)); return; }
  put8(r + 8, type_code(st->st_mode));
  put64(r + 16, (uint64_t)st->st_nlink);
  put64(r + 24, (uint64_t)st->st_size);
  const struct timespec *t[3] = { &st->st_atim, &st->st_mtim, &st->st_ctim };
  for (int i = 0; i < 3; i++) { // option<datetime>: some
    put8(r + 32 + 24 * i, 1);
    put64(r + 40 + 24 * i, (uint64_t)t[i]->tv_sec);
    put32(r + 48 + 24 * i, (uint32_t)t[i]->tv_nsec);
  }
}
// result<metadata-hash-value, error-code> at r (24 bytes); the same values as fstat's hash
// (lower: inode, upper: device) of the JS side
static void put_hash_result(uint8_t *r, int64_t dev, int64_t ino, int err) {
  put8(r, err ? 1 : 0);
  if (err) { put8(r + 8, fs_code(err)); return; }
  put64(r + 8, (uint64_t)ino);
  put64(r + 16, (uint64_t)dev);
}

// statat_raw(memory, dirfd, pathPtr, pathLen, follow, ret) -> 0 | RAW_FALLBACK
static napi_value n_statat_raw(napi_env env, napi_callback_info info) {
  ARGS(6);
  struct raw_args a;
  if (raw_args(env, argv, 2, 5, 104, &a)) return num(env, RAW_FALLBACK);
  const char *p = a.path;
  int dirfd = i32(env, argv[1]), follow = i32(env, argv[4]) != 0;
  struct stat st;
  int r = stat_beneath(dirfd, p, follow, &st);
  put_stat_result(a.ret, &st, r < 0 ? errno : 0);
  if (r == 0) {
    last_stat.valid = 1; last_stat.dirfd = dirfd; last_stat.follow = follow;
    last_stat.len = strlen(p); memcpy(last_stat.path, p, last_stat.len + 1);
    last_stat.dev = (int64_t)st.st_dev; last_stat.ino = (int64_t)st.st_ino;
  } else stat_forget();
  return num(env, 0);
}

// hashat_raw(memory, dirfd, pathPtr, pathLen, follow, ret) -> 0 | RAW_FALLBACK: answered from
// the stat-at just made of the same path when nothing came in between
static napi_value n_hashat_raw(napi_env env, napi_callback_info info) {
  ARGS(6);
  struct raw_args a;
  if (raw_args(env, argv, 2, 5, 24, &a)) return num(env, RAW_FALLBACK);
  const char *p = a.path;
  int dirfd = i32(env, argv[1]), follow = i32(env, argv[4]) != 0;
  uint8_t *r = a.ret;
  if (last_stat.valid && last_stat.dirfd == dirfd && last_stat.follow == follow
      && !strcmp(last_stat.path, p)) {
    stat_forget();
    put_hash_result(r, last_stat.dev, last_stat.ino, 0);
    return num(env, 0);
  }
  struct stat st;
  int e = stat_beneath(dirfd, p, follow, &st) < 0 ? errno : 0;
  put_hash_result(r, (int64_t)st.st_dev, (int64_t)st.st_ino, e);
  return num(env, 0);
}

// fstat_raw(memory, fd, ret, hash) -> 0 | RAW_FALLBACK: descriptor.stat, or with hash set
// descriptor.metadata-hash
static napi_value n_fstat_raw(napi_env env, napi_callback_info info) {
  ARGS(4);
  struct raw_args a;
  int hash = i32(env, argv[3]) != 0;
  if (raw_args(env, argv, -1, 2, hash ? 24 : 104, &a)) return num(env, RAW_FALLBACK);
  struct stat st;
  int e = fstat_fd(i32(env, argv[1]), &st) < 0 ? errno : 0;
  if (hash) put_hash_result(a.ret, (int64_t)st.st_dev, (int64_t)st.st_ino, e);
  else put_stat_result(a.ret, &st, e);
  return num(env, 0);
}

// openat_raw(memory, dirfd, pathPtr, pathLen, oflags, ret) -> fd (the caller writes the ok
// result), -1 (the error is written: result<descriptor, error-code>, code at 4) or
// RAW_FALLBACK
static napi_value n_openat_raw(napi_env env, napi_callback_info info) {
  ARGS(6);
  struct raw_args a;
  if (raw_args(env, argv, 2, 5, 8, &a)) return num(env, RAW_FALLBACK);
  stat_forget();
  int fd = beneath(i32(env, argv[1]), a.path, i32(env, argv[4]), 0666);
  if (fd >= 0) return num(env, fd);
  uint8_t *r = a.ret;
  put8(r, 1);
  put8(r + 4, fs_code(errno));
  return num(env, -1);
}

// ---------------------------------------------------------------- sockets
static napi_value n_socket(napi_env env, napi_callback_info info) {
  ARGS(2);
  int family = i32(env, argv[0]), type = i32(env, argv[1]);
  int fd = socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd >= 0 && family == AF_INET6) {
    int one = 1; // a WASI ipv6 socket never carries ipv4 traffic
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  }
  RET(fd);
}

// sockop(op, fd, addrBytes|a, b): bind/connect take a sockaddr; the rest ints
enum { S_BIND, S_CONNECT, S_LISTEN, S_ACCEPT, S_SOCKNAME, S_PEERNAME, S_SHUTDOWN, S_SETOPT, S_GETOPT, S_ERROR, S_DISCONNECT };
static napi_value n_sockop(napi_env env, napi_callback_info info) {
  ARGS(5);
  int op = i32(env, argv[0]), fd = i32(env, argv[1]);
  socklen_t sl = sizeof(struct sockaddr_in6);
  struct sockaddr *sa = (struct sockaddr *)(scratch + SA_OFF);
  int r = -1;
  switch (op) {
  case S_BIND: case S_CONNECT: {
    void *data; size_t len;
    int e = bytes_arg(env, argv[2], &data, &len);
    if (e) return num(env, e);
    if (op == S_BIND) r = bind(fd, data, (socklen_t)len);
    else do r = connect(fd, data, (socklen_t)len); while (r < 0 && errno == EINTR);
    break;
  }
  case S_DISCONNECT: {
    struct sockaddr un = { .sa_family = AF_UNSPEC };
    r = connect(fd, &un, sizeof un);
    break;
  }
  case S_LISTEN: r = listen(fd, i32(env, argv[2])); break;
  case S_ACCEPT:
    do r = accept4(fd, sa, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC); while (r < 0 && errno == EINTR);
    if (r >= 0) *(int32_t *)(scratch + SA_LEN_OFF) = (int32_t)sl;
    break;
  case S_SOCKNAME: case S_PEERNAME:
    r = op == S_SOCKNAME ? getsockname(fd, sa, &sl) : getpeername(fd, sa, &sl);
    if (r == 0) *(int32_t *)(scratch + SA_LEN_OFF) = (int32_t)sl;
    break;
  case S_SHUTDOWN: r = shutdown(fd, i32(env, argv[2])); break;
  case S_SETOPT: {
    int v = i32(env, argv[4]);
    r = setsockopt(fd, i32(env, argv[2]), i32(env, argv[3]), &v, sizeof v);
    break;
  }
  case S_GETOPT: case S_ERROR: {
    int v = 0;
    socklen_t vl = sizeof v;
    r = op == S_ERROR ? getsockopt(fd, SOL_SOCKET, SO_ERROR, &v, &vl)
                      : getsockopt(fd, i32(env, argv[2]), i32(env, argv[3]), &v, &vl);
    if (r == 0) r = v;
    break;
  }
  default: errno = EINVAL;
  }
  RET(r);
}

// recv(fd, len, flags) -> n into scratch data, the sender's address in scratch (datagrams)
static napi_value n_recv(napi_env env, napi_callback_info info) {
  ARGS(3);
  int fd = i32(env, argv[0]);
  double len = f64(env, argv[1]);
  size_t n = len > DATA_SIZE ? DATA_SIZE : (size_t)len;
  socklen_t sl = sizeof(struct sockaddr_in6);
  ssize_t r;
  do r = recvfrom(fd, scratch + HDR_SIZE, n, i32(env, argv[2]), (struct sockaddr *)(scratch + SA_OFF), &sl);
  while (r < 0 && errno == EINTR);
  if (r >= 0) *(int32_t *)(scratch + SA_LEN_OFF) = (int32_t)sl;
  RET(r);
}

// send(fd, bytes, flags, addrBytes|undefined) -> n
static napi_value n_send(napi_env env, napi_callback_info info) {
  ARGS(4);
  int fd = i32(env, argv[0]);
  void *data, *addr = NULL; size_t len, alen = 0;
  int e = bytes_arg(env, argv[1], &data, &len);
  if (e) return num(env, e);
  if (argc >= 4) {
    napi_valuetype t;
    napi_typeof(env, argv[3], &t);
    if (t == napi_object && bytes_arg(env, argv[3], &addr, &alen)) return num(env, -EINVAL);
  }
  ssize_t r;
  do r = sendto(fd, data, len, i32(env, argv[2]) | MSG_NOSIGNAL, addr, (socklen_t)alen);
  while (r < 0 && errno == EINTR);
  RET(r);
}

// poll(Int32Array [fd, events, fd, events...] (revents replace events), n, timeout_ns) -> count;
// timeout < 0: wait forever
static napi_value n_poll(napi_env env, napi_callback_info info) {
  ARGS(3);
  void *data; size_t len;
  int e = bytes_arg(env, argv[0], &data, &len);
  if (e) return num(env, e);
  uint32_t n = (uint32_t)i32(env, argv[1]);
  if ((size_t)n * 8 > len) return num(env, -EINVAL);
  double tmo = f64(env, argv[2]);
  int32_t *a = data;
  struct pollfd stackfds[64], *fds = n <= 64 ? stackfds : malloc(n * sizeof *fds);
  if (!fds) return num(env, -ENOMEM);
  for (uint32_t i = 0; i < n; i++) { fds[i].fd = a[2 * i]; fds[i].events = (short)a[2 * i + 1]; fds[i].revents = 0; }
  struct timespec ts, *tp = NULL;
  if (tmo >= 0) { ts.tv_sec = (time_t)(tmo / 1e9); ts.tv_nsec = (long)(tmo - (double)ts.tv_sec * 1e9); tp = &ts; }
  int r = ppoll(fds, n, tp, NULL);
  e = errno;
  if (r >= 0) for (uint32_t i = 0; i < n; i++) a[2 * i + 1] = fds[i].revents;
  if (fds != stackfds) free(fds);
  if (r < 0 && e == EINTR) r = 0;
  return num(env, r < 0 ? -e : r);
}

// lookup(name, family) -> [family, a0, a1, ...] flattened per address, or -EAI code - 1000
static napi_value n_lookup(napi_env env, napi_callback_info info) {
  ARGS(1);
  PATH_ARG(name, argv[0]);
  struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res, *ai;
  int r = getaddrinfo(name, NULL, &hints, &res);
  if (r) return num(env, -1000 + r);
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t i = 0;
  for (ai = res; ai; ai = ai->ai_next) {
    napi_value v;
    if (ai->ai_family == AF_INET) {
      const unsigned char *b = (const unsigned char *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr;
      napi_create_int32(env, 4, &v); napi_set_element(env, arr, i++, v);
      for (int k = 0; k < 4; k++) { napi_create_int32(env, b[k], &v); napi_set_element(env, arr, i++, v); }
    } else if (ai->ai_family == AF_INET6) {
      const unsigned char *b = (const unsigned char *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
      napi_create_int32(env, 6, &v); napi_set_element(env, arr, i++, v);
      for (int k = 0; k < 8; k++) { napi_create_int32(env, b[2 * k] << 8 | b[2 * k + 1], &v); napi_set_element(env, arr, i++, v); }
    }
  }
  freeaddrinfo(res);
  return arr;
}

// ---------------------------------------------------------------- constants and init
static void set_int(napi_env env, napi_value obj, const char *k, int v) {
  napi_value x;
  napi_create_int32(env, v, &x);
  napi_set_named_property(env, obj, k, x);
}

static napi_value n_constants(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value o;
  napi_create_object(env, &o);
#define C(x) set_int(env, o, #x, x)
  C(EPERM); C(ENOENT); C(EINTR); C(EIO); C(ENXIO); C(E2BIG); C(EBADF); C(EAGAIN); C(ENOMEM);
  C(EACCES); C(EFAULT); C(EBUSY); C(EEXIST); C(EXDEV); C(ENODEV); C(ENOTDIR); C(EISDIR);
  C(EINVAL); C(ENFILE); C(EMFILE); C(ENOTTY); C(ETXTBSY); C(EFBIG); C(ENOSPC); C(ESPIPE);
  C(EROFS); C(EMLINK); C(EPIPE); C(EDEADLK); C(ENAMETOOLONG); C(ENOLCK); C(ENOSYS);
  C(ENOTEMPTY); C(ELOOP); C(EOVERFLOW); C(EILSEQ); C(ENOTSOCK); C(EDESTADDRREQ); C(EMSGSIZE);
  C(EPROTOTYPE); C(ENOPROTOOPT); C(EPROTONOSUPPORT); C(EOPNOTSUPP); C(EAFNOSUPPORT);
  C(EADDRINUSE); C(EADDRNOTAVAIL); C(ENETDOWN); C(ENETUNREACH); C(ENETRESET); C(ECONNABORTED);
  C(ECONNRESET); C(ENOBUFS); C(EISCONN); C(ENOTCONN); C(ETIMEDOUT); C(ECONNREFUSED);
  C(EHOSTDOWN); C(EHOSTUNREACH); C(EALREADY); C(EINPROGRESS); C(EDQUOT); C(ETIME); C(ENOTSUP);
  C(EAI_NONAME); C(EAI_AGAIN); C(EAI_FAIL); C(EAI_MEMORY); C(EAI_FAMILY); C(EAI_SERVICE);
  C(EAI_NODATA); C(EAI_SYSTEM); C(ENOTRECOVERABLE);
  C(O_RDONLY); C(O_WRONLY); C(O_RDWR); C(O_CREAT); C(O_EXCL); C(O_TRUNC); C(O_DIRECTORY);
  C(O_NOFOLLOW); C(O_PATH); C(O_APPEND); C(O_SYNC); C(O_DSYNC); C(O_NONBLOCK); C(O_NOCTTY);
  C(S_IFMT); C(S_IFDIR); C(S_IFREG); C(S_IFLNK); C(S_IFCHR); C(S_IFBLK); C(S_IFIFO); C(S_IFSOCK);
  C(DT_DIR); C(DT_REG); C(DT_LNK); C(DT_CHR); C(DT_BLK); C(DT_FIFO); C(DT_SOCK);
  C(AF_INET); C(AF_INET6); C(SOCK_STREAM); C(SOCK_DGRAM);
  C(SOL_SOCKET); C(SO_KEEPALIVE); C(SO_RCVBUF); C(SO_SNDBUF); C(SO_REUSEADDR); C(SO_TYPE);
  C(IPPROTO_TCP); C(IPPROTO_IP); C(IPPROTO_IPV6); C(TCP_NODELAY); C(TCP_KEEPIDLE);
  C(TCP_KEEPINTVL); C(TCP_KEEPCNT); C(IP_TTL); C(IPV6_UNICAST_HOPS);
  C(SHUT_RD); C(SHUT_WR); C(SHUT_RDWR); C(MSG_DONTWAIT); C(MSG_PEEK); C(MSG_TRUNC);
  C(POLLIN); C(POLLOUT); C(POLLERR); C(POLLHUP); C(POLLNVAL); C(POLLPRI); C(POLLRDHUP);
  C(POSIX_FADV_NORMAL); C(POSIX_FADV_SEQUENTIAL); C(POSIX_FADV_RANDOM); C(POSIX_FADV_WILLNEED);
  C(POSIX_FADV_DONTNEED); C(POSIX_FADV_NOREUSE);
  C(OP_MKDIR); C(OP_UNLINK); C(OP_RMDIR); C(OP_RENAME); C(OP_LINK); C(OP_SYMLINK); C(OP_READLINK); C(OP_LINK_FOLLOW);
  C(FD_FTRUNCATE); C(FD_FSYNC); C(FD_FDATASYNC); C(FD_GETFL); C(FD_ADVISE); C(FD_ISATTY);
  C(FD_SETNONBLOCK); C(FD_SEEK_END);
  C(S_BIND); C(S_CONNECT); C(S_LISTEN); C(S_ACCEPT); C(S_SOCKNAME); C(S_PEERNAME); C(S_SHUTDOWN);
  C(S_SETOPT); C(S_GETOPT); C(S_ERROR); C(S_DISCONNECT);
  C(HDR_SIZE); C(SA_OFF); C(SA_LEN_OFF); C(DATA_SIZE); C(RAW_FALLBACK);
#undef C
  return o;
}

// init() -> the scratch ArrayBuffer
static napi_value n_init(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value ab;
  if (!scratch_ref) {
    void *p;
    if (napi_create_arraybuffer(env, HDR_SIZE + DATA_SIZE, &p, &ab) != napi_ok) return NULL;
    scratch = p;
    napi_create_reference(env, ab, 1, &scratch_ref);
  } else napi_get_reference_value(env, scratch_ref, &ab);
  return ab;
}

static napi_value Init(napi_env env, napi_value exports) {
  static const struct napi_export fns[] = {
    { "init", n_init }, { "openroot", n_openroot }, { "realtime", n_realtime }, { "constants", n_constants }, { "open", n_open }, { "statat", n_statat },
    { "fstat", n_fstat }, { "pathop", n_pathop }, { "utimens", n_utimens }, { "close", n_close },
    { "pread", n_pread }, { "pwrite", n_pwrite }, { "fdop", n_fdop }, { "readdir", n_readdir },
    { "socket", n_socket }, { "sockop", n_sockop }, { "recv", n_recv }, { "send", n_send },
    { "poll", n_poll }, { "lookup", n_lookup },
    { "set_fs_codes", n_set_fs_codes }, { "statat_raw", n_statat_raw }, { "hashat_raw", n_hashat_raw },
    { "fstat_raw", n_fstat_raw }, { "openat_raw", n_openat_raw }, { "inject", n_inject },
  };
  return napi_export_all(env, exports, fns, sizeof fns / sizeof fns[0]);
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
