// mmap emulated over malloc: anonymous mappings (private, or shared, which
// is the same thing without fork) are zeroed page-aligned heap blocks;
// file mappings are a copy read with pread, so MAP_PRIVATE is exact and a
// read-only MAP_SHARED is a snapshot; writable shared file mappings (whose
// stores would have to reach the file) fail with ENODEV.  A registry of
// mappings lets munmap free, mprotect/msync/madvise validate, and
// MADV_DONTNEED give back zeroes (or the file's bytes) as Linux does;
// mremap resizes a whole mapping (moving it to grow).
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
    // only what has a position to read from maps (files, devices); a
    // directory's pread says EISDIR, which load() below turns into ENODEV
    if (!d->ops->pread) {
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
// Linux's mlock with flags: MLOCK_ONFAULT is the only one (all memory is
// resident anyway).
int mlock2(const void *addr, size_t len, unsigned flags) {
  if (flags & ~(unsigned)MLOCK_ONFAULT) {
    errno = EINVAL;
    return -1;
  }
  return mlock(addr, len);
}

// Every page of linear memory is resident: a range inside the memory is all
// ones, one past its end is ENOMEM (Linux: "not mapped").
int mincore(void *addr, size_t len, unsigned char *vec) {
  if ((uintptr_t)addr & (PAGESIZE - 1)) {
    errno = EINVAL;
    return -1;
  }
  size_t mem = __builtin_wasm_memory_size(0) * 65536;
  size_t n = page_round(len);
  if (!vec || (uintptr_t)addr > mem || n > mem - (uintptr_t)addr || n < len) {
    errno = !vec ? EFAULT : ENOMEM;
    return -1;
  }
  memset(vec, 1, n / PAGESIZE);
  return 0;
}

// Resize a whole mapping made by mmap: shrinking stays in place, growing
// moves it (MREMAP_MAYMOVE) to a new block holding the old bytes and, past
// them, zeroes or the file's bytes, as a fresh mapping would.  Growing in
// place, MREMAP_FIXED (no chosen addresses) and MREMAP_DONTUNMAP cannot be
// done: ENOMEM, ENOMEM and EINVAL.  Part of a mapping, or one partly
// unmapped already: EINVAL; no mapping there: EFAULT (Linux's answers).
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...) {
  if (((uintptr_t)old & (PAGESIZE - 1)) || new_len == 0 ||
      (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) ||
      ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE)) ||
      (flags & MREMAP_DONTUNMAP) || new_len > SIZE_MAX - PAGESIZE) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  if (flags & MREMAP_FIXED) {
    errno = ENOMEM;
    return MAP_FAILED;
  }
  struct map *m = find(old, old_len ? old_len : 1);
  if (!m) {
    errno = EFAULT;
    return MAP_FAILED;
  }
  if (m->addr != old || page_round(old_len) != m->len || m->unmapped) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  size_t size = page_round(new_len);
  if (size <= m->len) {
    m->len = size;  // the heap block keeps its size; only the mapping shrinks
    return old;
  }
  if (!(flags & MREMAP_MAYMOVE)) {
    errno = ENOMEM;
    return MAP_FAILED;
  }
  char *p = aligned_alloc(PAGESIZE, size);
  if (!p) {
    errno = ENOMEM;
    return MAP_FAILED;
  }
  memcpy(p, m->addr, m->len);
  char *was = m->addr;
  size_t had = m->len;
  m->addr = p;
  m->len = size;
  if (load(m, had, size - had) < 0) {
    int e = errno;
    m->addr = was;
    m->len = had;
    free(p);
    errno = e;
    return MAP_FAILED;
  }
  free(was);
  return p;
}

// Linux emulates this deprecated call by remapping in the kernel; a copied
// mapping cannot alias another part of its file.
int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags) {
  (void)addr; (void)size; (void)prot; (void)pgoff; (void)flags;
  errno = ENOSYS;
  return -1;
}
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
