// mmap emulated over malloc: anonymous mappings (private, or shared, which
// is the same thing without fork) are zeroed page-aligned heap blocks;
// file mappings are a copy read with pread, so MAP_PRIVATE is exact and a
// read-only MAP_SHARED is a snapshot; writable shared file mappings (whose
// stores would have to reach the file) fail with ENODEV.  A registry of
// mappings lets munmap free, mprotect/msync/madvise validate, and
// MADV_DONTNEED give back zeroes (or the file's bytes) as Linux does.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "wasip2_fd.h"

struct map {
  struct map *next;
  char *addr;
  size_t len;      // rounded to pages
  size_t unmapped; // bytes released by partial munmaps
  int fd;          // -1 for anonymous; a dup'd fd keeps the file for DONTNEED
  off_t off;
};

static struct map *maps;

static size_t page_round(size_t n) {
  return (n + PAGESIZE - 1) & ~(size_t)(PAGESIZE - 1);
}

static struct map *find(const void *p, size_t len) {
  for (struct map *m = maps; m; m = m->next)
    if ((const char *)p >= m->addr && (const char *)p + len <= m->addr + m->len) return m;
  return NULL;
}

static int load(struct map *m, size_t from, size_t len) {
  memset(m->addr + from, 0, len);
  if (m->fd < 0) return 0;
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread(m->fd, m->addr + from + done, len - done, m->off + (off_t)(from + done));
    if (n < 0) return -1;
    if (n == 0) break;  // past end of file: zeroes, as within Linux's last page
    done += (size_t)n;
  }
  return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  (void)addr;  // a hint only; without MAP_FIXED we may place it anywhere
  int type = flags & MAP_TYPE;
  if (len == 0 || (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE) ||
      off < 0 || (off & (PAGESIZE - 1))) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    // We cannot place memory at a chosen address inside the heap.
    errno = ENOMEM;
    return MAP_FAILED;
  }
  if (len > SIZE_MAX - PAGESIZE) {
    errno = ENOMEM;
    return MAP_FAILED;
  }
  int anon = (flags & MAP_ANONYMOUS) != 0;
  int dupfd = -1;
  if (!anon) {
    struct __wasip2_desc *d = __wasip2_fd_get(fd);
    if (!d) return MAP_FAILED;  // EBADF
    if ((d->flags & O_ACCMODE) == O_WRONLY) {
      errno = EACCES;
      return MAP_FAILED;
    }
    if (type != MAP_PRIVATE && (prot & PROT_WRITE)) {
      errno = ENODEV;
      return MAP_FAILED;
    }
    if (d->kind != WASIP2_KIND_FILE && d->kind != WASIP2_KIND_DEV) {
      errno = ENODEV;
      return MAP_FAILED;
    }
    dupfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (dupfd < 0) return MAP_FAILED;
  }
  struct map *m = malloc(sizeof *m);
  size_t size = page_round(len);
  char *p = m ? aligned_alloc(PAGESIZE, size) : NULL;
  if (!p) {
    free(m);
    if (dupfd >= 0) close(dupfd);
    errno = ENOMEM;
    return MAP_FAILED;
  }
  *m = (struct map){maps, p, size, 0, dupfd, off};
  if (load(m, 0, size) < 0) {
    int e = errno;
    if (dupfd >= 0) close(dupfd);
    free(p);
    free(m);
    errno = (e == ESPIPE || e == EISDIR) ? ENODEV : e;
    return MAP_FAILED;
  }
  maps = m;
  return p;
}

int munmap(void *addr, size_t len) {
  if (((uintptr_t)addr & (PAGESIZE - 1)) || len == 0) {
    errno = EINVAL;
    return -1;
  }
  len = page_round(len);
  struct map **pp = &maps;
  while (*pp) {
    struct map *m = *pp;
    char *lo = (char *)addr > m->addr ? (char *)addr : m->addr;
    char *hi = (char *)addr + len < m->addr + m->len ? (char *)addr + len : m->addr + m->len;
    if (lo < hi) {
      // A heap block cannot be split: a partial unmap is counted, and the
      // block is freed once as many bytes as it holds have been unmapped
      // (unmapping the same part twice counts twice: documented).
      m->unmapped += (size_t)(hi - lo);
      if (m->unmapped >= m->len) {
        *pp = m->next;
        if (m->fd >= 0) close(m->fd);
        free(m->addr);
        free(m);
        continue;
      }
    }
    pp = &m->next;
  }
  // Unmapping a range that holds no mapping is not an error (POSIX).
  return 0;
}

static int check_range(void *addr, size_t len, struct map **out) {
  if ((uintptr_t)addr & (PAGESIZE - 1)) {
    errno = EINVAL;
    return -1;
  }
  struct map *m = find(addr, len);
  if (!m) {
    errno = ENOMEM;
    return -1;
  }
  if (out) *out = m;
  return 0;
}

int mprotect(void *addr, size_t len, int prot) {
  if (check_range(addr, page_round(len), NULL) < 0) return -1;
  // wasm memory is always readable and writable and never executable: a
  // request for exactly that is true; anything tighter (or PROT_EXEC)
  // cannot be honoured.
  if ((prot & (PROT_READ | PROT_WRITE)) == (PROT_READ | PROT_WRITE) && !(prot & PROT_EXEC)) return 0;
  errno = ENOSYS;
  return -1;
}

int msync(void *addr, size_t len, int flags) {
  if ((flags & MS_ASYNC) && (flags & MS_SYNC)) {
    errno = EINVAL;
    return -1;
  }
  // Nothing is ever dirty with respect to a file (no writable shared file
  // mappings exist), so there is nothing to write back.
  return check_range(addr, page_round(len), NULL);
}

int madvise(void *addr, size_t len, int advice) {
  struct map *m;
  len = page_round(len);
  if (check_range(addr, len, &m) < 0) return -1;
  if (advice == MADV_DONTNEED) {
    // Linux semantics allocators rely on: the next read sees fresh pages.
    if (load(m, (size_t)((char *)addr - m->addr), len) < 0) return -1;
  }
  return 0;
}

int posix_madvise(void *addr, size_t len, int advice) {
  // POSIX_MADV_DONTNEED may not discard data, unlike madvise's.
  if (advice == POSIX_MADV_DONTNEED) return 0;
  return madvise(addr, len, advice) ? errno : 0;
}

int mlock(const void *addr, size_t len) { (void)addr; (void)len; return 0; }
int munlock(const void *addr, size_t len) { (void)addr; (void)len; return 0; }
int mlockall(int flags) { (void)flags; return 0; }
int munlockall(void) { return 0; }

int shm_open(const char *name, int flag, mode_t mode) {
  (void)name; (void)flag; (void)mode;
  errno = ENOSYS;
  return -1;
}

int shm_unlink(const char *name) {
  (void)name;
  errno = ENOSYS;
  return -1;
}
