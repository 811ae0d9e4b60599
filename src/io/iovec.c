// readv/writev for kinds without a vector op: the vector is gathered into
// (or scattered from) one bounce buffer so the whole call is a single
// read or write, with the atomicity POSIX gives writev on a stream.
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include "wasip2_fd.h"

#define BOUNCE_MAX (1 << 20)

// Sum of the lengths, or -1 with EINVAL on overflow or a bad count.
ssize_t __wasip2_iov_total(const struct iovec *iov, int n) {
  if (n < 0 || n > IOV_MAX) { errno = EINVAL; return -1; }
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    if (iov[i].iov_len > SSIZE_MAX - total) { errno = EINVAL; return -1; }
    total += iov[i].iov_len;
  }
  return total;
}

ssize_t __wasip2_readv_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  ssize_t total = __wasip2_iov_total(iov, n);
  if (total < 0) return -1;
  int nonempty = 0, last = 0;
  for (int i = 0; i < n; i++) if (iov[i].iov_len) { nonempty++; last = i; }
  if (nonempty <= 1) return d->ops->read(d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0);
  size_t len = total < BOUNCE_MAX ? total : BOUNCE_MAX;
  char *tmp = malloc(len);
  if (!tmp) { errno = ENOMEM; return -1; }
  ssize_t r = d->ops->read(d, tmp, len);
  for (ssize_t off = 0, i = 0; r > 0 && off < r; i++) {
    size_t k = iov[i].iov_len < (size_t)(r - off) ? iov[i].iov_len : (size_t)(r - off);
    memcpy(iov[i].iov_base, tmp + off, k);
    off += k;
  }
  free(tmp);
  return r;
}

ssize_t __wasip2_writev_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  ssize_t total = __wasip2_iov_total(iov, n);
  if (total < 0) return -1;
  int nonempty = 0, last = 0;
  for (int i = 0; i < n; i++) if (iov[i].iov_len) { nonempty++; last = i; }
  if (nonempty <= 1) return d->ops->write(d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0);
  size_t len = total < BOUNCE_MAX ? total : BOUNCE_MAX;
  char *tmp = malloc(len);
  if (!tmp) { errno = ENOMEM; return -1; }
  ssize_t done = 0;
  int i = 0;
  size_t in = 0; // offset inside iov[i]
  while (done < total) {
    size_t fill = 0;
    while (fill < len && i < n) {
      size_t k = iov[i].iov_len - in;
      if (k > len - fill) k = len - fill;
      memcpy(tmp + fill, (char *)iov[i].iov_base + in, k);
      fill += k;
      in += k;
      if (in == iov[i].iov_len) { i++; in = 0; }
    }
    ssize_t w = d->ops->write(d, tmp, fill);
    if (w < 0) { free(tmp); return done ? done : -1; }
    done += w;
    if ((size_t)w < fill) break;
  }
  free(tmp);
  return done;
}
