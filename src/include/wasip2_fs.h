// Files and directories on wasi:filesystem (src/fs): preopens, the guest
// path namespace, and the open-description kind shared by files and
// directories.  Private to the bottom half.
//
// The guest sees one tree rooted at "/": each preopen is mounted at its
// guest path (normalised to an absolute path; "." and relative names are
// mounted under "/").  Every path is made absolute (against the cwd or a
// directory fd's path), ".." is resolved lexically, and the result is
// handed to the preopen with the longest matching prefix.  A path outside
// every preopen fails with ENOENT before any host call.
#ifndef WASIP2_FS_H
#define WASIP2_FS_H

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include "wasip2_fd.h"

struct __wasip2_preopen {
  wasi_filesystem_types_descriptor_t handle;
  char *path;       // normalised guest path: "/" or "/a/b" (no trailing '/')
  size_t len;
};

// Loads wasi:filesystem/preopens on first call; NULL/0 when there are none.
int __wasip2_preopen_count(void);
const struct __wasip2_preopen *__wasip2_preopen_get(int i);
// Drops every preopen; the next lookup loads them again.
void __wasip2_preopen_reset(void);

// The current directory, after the preopens (and with them the host's
// initial cwd) are loaded: read it only through this.
const char *__wasip2_cwd(void);
// Make the normalised absolute `abs` the cwd (src/fs/cwd.c); -1 with ENOMEM.
int __wasip2_cwd_set(const char *abs);
// The cwd string itself, under the name Debian's getcwd.o gave it (we
// replace that member, so we define what it defined).
extern char *__wasilibc_cwd;

// Lexically normalise `path` (absolute, or relative to the absolute `base`)
// into out[PATH_MAX]: absolute, no "." / ".." / "//", no trailing '/'
// except for "/" itself.  *trailing is set when the input ended in '/' (the
// last component must then be a directory).  -1 with ENOENT (empty path) or
// ENAMETOOLONG.
int __wasip2_path_normalize(const char *base, const char *path, char out[PATH_MAX], int *trailing);

// 0 if the first max bytes of s are valid UTF-8 (Unicode scalar values),
// else -1 with EILSEQ.  Every path passes it in __wasip2_path_normalize.
int __wasip2_path_utf8(const char *s, size_t max);

// Index of the preopen with the longest prefix of the normalised absolute
// `abs`, and the remainder ("." for the preopen itself); -1 with ENOENT.
int __wasip2_preopen_match(const char *abs, const char **rest);

// A path resolved for one host call: the descriptor to call on and the
// relative path to pass (points into buf or a long-lived string).
// The path functions (openat, fstatat, faccessat, mkdirat, symlinkat,
// readlinkat, utimensat, __wasilibc_unlinkat/_rmdirat, find_relpath) keep
// theirs in a static, each its own: 8 KiB is an eighth of the smallest
// stack the linker gives (64 KiB).  That is thread-safe because threads are
// cooperative (-pthread: src/thread/coop) and switch only inside the wait
// core: none of those functions waits (every filesystem call is one host
// call that returns; no signal handler runs outside a wait) and none calls
// itself, so each static is used from its resolution to its return by one
// thread.  The linker's analysis agrees: it instruments none of them for a
// switch but fstatat, which reaches fstat() (for /dev/stdin, /dev/fd/N) as
// its last call, after it is done with its struct, and whose ops->fstat it
// cannot tell from a waiting call (test/fs/path_threads.test.mjs checks
// that, and runs two threads whose path calls interleave).  A path function
// that ever waits with its struct live must move it to the stack or heap.
struct __wasip2_fs_at {
  wasi_filesystem_types_descriptor_t handle;
  const char *rel;
  int preopen;                  // the preopen the path lives in
  char abs[PATH_MAX];           // normalised guest path of the target
  char buf[PATH_MAX];
};

// Resolve (dirfd, path) as the *at functions see them: dirfd is AT_FDCWD
// or a directory fd of the program (ignored for an absolute path).  One
// normalisation, one preopen match.  -1 with errno (EFAULT, EBADF, ENOTDIR,
// ENOENT, ENAMETOOLONG, EILSEQ); on ENOENT for a path outside every
// preopen, at->abs still holds its normalised form (for /dev and the
// virtual directories).
int __wasip2_fs_resolve(int dirfd, const char *path, struct __wasip2_fs_at *at);

// Absolute symlink targets (src/fs/symlink_target.c).  encode: the relative
// form stored for `target` by a link at `at` (EPERM unless the target is in
// the link's preopen).  decode: the absolute path a stored target `t` of
// `len` bytes stands for, or -1 when it is an ordinary target.
int __wasip2_symlink_encode(const struct __wasip2_fs_at *at, const char *target, char out[PATH_MAX]);
ssize_t __wasip2_symlink_decode(const struct __wasip2_fs_at *at, const char *t, size_t len, char out[PATH_MAX]);
// Virtual directories (src/fs/vdir.c): "/" and the other directories above
// a preopen that no preopen holds, read-only and made by libc.
extern const struct __wasip2_ops __wasip2_vdir_ops;
// 1 when the normalised absolute path is a virtual directory.
int __wasip2_vdir_is(const char *abs);
// The k-th entry (after "." and "..") of virtual directory abs: 1 and its
// name (not NUL-terminated, *len bytes), or 0 past the end.
int __wasip2_vdir_child(const char *abs, uint64_t k, const char **name, size_t *len);
int __wasip2_vdir_stat(const char *abs, struct stat *st);
// A new fd for virtual directory abs (O_RDONLY only), or -1 with errno.
int __wasip2_vdir_open(const char *abs, int oflags);
// The path of fd when it is a virtual directory, else NULL (errno kept).
const char *__wasip2_vdir_path(int fd);
// EROFS when a change at abs would change a virtual directory, else 0.
int __wasip2_vdir_write_errno(const char *abs);
// __wasip2_fs_resolve for calls that create or remove: a path no preopen
// holds fails with EROFS instead of ENOENT when a virtual directory is
// where the change would happen.
int __wasip2_fs_resolve_w(int dirfd, const char *path, struct __wasip2_fs_at *at);
// Both places of a two-path call, each resolved by __wasip2_fs_resolve_w,
// in one malloc'd pair the caller frees (src/fs/resolve2.c); NULL with errno.
struct __wasip2_fs_at *__wasip2_fs_resolve2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);

// State of a file or directory description (desc->impl).
struct __wasip2_fs_file {
  wasi_filesystem_types_descriptor_t handle;
  uint64_t offset;
  int preopen;
  char *path;           // normalised guest path (for *at, fchdir, futimens)
  int is_dir;           // 1 dir, 0 not a dir, -1 not known yet
  int have_ino;
  uint64_t ino;
  // readdir: the host's forward-only entry stream and how many entries of
  // it were consumed (a seek backwards re-opens it).
  wasi_filesystem_types_directory_entry_stream_t dstream;
  int have_dstream;
  uint64_t dpos;
};

extern const struct __wasip2_ops __wasip2_fs_ops;

// What the host says a file description is: record it (is_dir 1 or 0) in
// the state and in the description's kind; _type asks the host (get-type)
// when it is not known yet and returns 1 (a directory), 0, or -1 with errno.
void __wasip2_fs_set_type(struct __wasip2_desc *d, int is_dir);
int __wasip2_fs_type(struct __wasip2_desc *d);

// The description behind fd if it is a file or directory, else NULL with
// errno (EBADF for a bad fd, `other` for another kind).
struct __wasip2_fs_file *__wasip2_fs_file_get(int fd, int other, struct __wasip2_desc **descp);

// Wrap a freshly opened host descriptor in a description and an fd.
// Takes ownership of `handle` (dropped on failure).
int __wasip2_fs_install(wasi_filesystem_types_descriptor_t handle, int preopen, const char *abs, int oflags, int is_dir);

// struct stat from the host's stat (+ the metadata-hash for st_ino).
void __wasip2_fs_fill_stat(struct stat *st, const wasi_filesystem_types_descriptor_stat_t *s, uint64_t ino);
unsigned char __wasip2_fs_dtype(wasi_filesystem_types_descriptor_type_t t);

// errno from a host error code, set and -1 returned (the common tail).
int __wasip2_fs_fail(wasi_filesystem_types_error_code_t code);

// mkstemps and mkostemps (src/fs/mkstemp.c): Debian's <stdlib.h> hides
// their declarations (its WASI had no temporary directories); declared here
// so the definitions are checked against one prototype.
int mkstemps(char *tmpl, int suffixlen);
int mkostemps(char *tmpl, int suffixlen, int flags);

// The top half's DIR (kept members rewinddir/seekdir/telldir/dirfd/
// fdclosedir read and write these fields at these offsets).
struct _DIR {
  int fd;
  uint64_t cookie;     // index of the next entry: 0 ".", 1 "..", 2+k host entry k
  char *buffer;        // unused here (fdclosedir frees it)
  size_t buffer_processed;
  size_t buffer_size;
  size_t buffer_used;
  struct dirent *dirent;
  size_t dirent_size;
};

#endif
