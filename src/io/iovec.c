// readv/writev and preadv/pwritev for kinds without a vector op: the
// vector is gathered into (or scattered from) one bounce buffer so the
// whole call is a single read or write, with the atomicity POSIX gives
// writev on a stream; and the iovec checks every vector call makes.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include "wasip2_fd.h"

#define BOUNCE_MAX (1 << 20)

int __wasip2_iov_scan(const struct iovec *iov, int n, size_t *total, int *last) {
  if (n < 0 || n > IOV_MAX) { errno = EINVAL; return -1; }
  size_t vlen = (size_t)n * sizeof *iov;
  if (__wasip2_span(iov, &vlen) < 0) return -1;
  size_t sum = 0;
  int nonempty = 0;
  *last = 0;
  for (int i = 0; i < n; i++) {
    if (iov[i].iov_len > SSIZE_MAX - sum) { errno = EINVAL; return -1; }
    sum += iov[i].iov_len;
    if (iov[i].iov_len) { nonempty++; *last = i; }
  }
  for (int i = 0; i < n; i++) {
    size_t len = iov[i].iov_len;
    if (__wasip2_span(iov[i].iov_base, &len) < 0) return -1;
  }
  *total = sum;
  return nonempty;
}

ssize_t __wasip2_iov_total(const struct iovec *iov, int n) {
  size_t total;
  int last;
  return __wasip2_iov_scan(iov, n, &total, &last) < 0 ? -1 : (ssize_t)total;
}

void __wasip2_iov_scatter(const struct iovec *iov, int n, const char *src, size_t len) {
  for (int i = 0; i < n && len; i++) {
    size_t k = iov[i].iov_len < len ? iov[i].iov_len : len;
    memcpy(iov[i].iov_base, src, k);
    src += k;
    len -= k;
  }
}

void __wasip2_iov_gather(const struct iovec *iov, int n, char *dst) {
  for (int i = 0; i < n; i++) {
    memcpy(dst, iov[i].iov_base, iov[i].iov_len);
    dst += iov[i].iov_len;
  }
}

// Copy k bytes between the vector (from entry *i, byte *in on) and flat,
// moving the cursor.
static void step(const struct iovec *iov, int *i, size_t *in, char *flat, size_t k, int to_flat) {
  while (k) {
    size_t c = iov[*i].iov_len - *in;
    if (c > k) c = k;
    char *v = (char *)iov[*i].iov_base + *in;
    memcpy(to_flat ? flat : v, to_flat ? v : flat, c);
    flat += c;
    k -= c;
    *in += c;
    if (*in == iov[*i].iov_len) { ++*i; *in = 0; }
  }
}

// The kind's flat op: at the description's position (off < 0) or at off.
static ssize_t flat_io(struct __wasip2_desc *d, int writing, char *buf, size_t len, off_t off) {
  if (off < 0) return writing ? d->ops->write(d, buf, len) : d->ops->read(d, buf, len);
  return writing ? d->ops->pwrite(d, buf, len, off) : d->ops->pread(d, buf, len, off);
}

ssize_t __wasip2_iov_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n, off_t off, int writing) {
  size_t total;
  int last, nonempty = __wasip2_iov_scan(iov, n, &total, &last);
  if (nonempty < 0) return -1;
  // pread/pwrite: an offset + length past the largest off_t is EINVAL
  if (off >= 0 && total > (uint64_t)INT64_MAX - (uint64_t)off) { errno = EINVAL; return -1; }
  if (nonempty <= 1)
    return flat_io(d, writing, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0, off);
  size_t len = total < BOUNCE_MAX ? total : BOUNCE_MAX;
  char *tmp = __wasip2_malloc(len);
  if (!tmp) { errno = ENOMEM; return -1; }
  size_t done = 0, in = 0; // in: offset inside iov[i]
  int i = 0, wi = 0;
  size_t win = 0;          // the read side's cursor
  while (done < total) {
    size_t want = total - done < len ? total - done : len;
    if (writing) step(iov, &i, &in, tmp, want, 1);
    ssize_t r = flat_io(d, writing, tmp, want, off < 0 ? -1 : off + (off_t)done);
    if (r < 0) { __wasip2_free(tmp); return done ? (ssize_t)done : -1; }
    if (!writing) step(iov, &wi, &win, tmp, (size_t)r, 0);
    done += r;
    // a short transfer ends the call; a read at the position is one read
    // (a stream returns what has come)
    if ((size_t)r < want || (!writing && off < 0)) break;
  }
  __wasip2_free(tmp);
  return done;
}
