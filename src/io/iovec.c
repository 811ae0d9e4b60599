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

ssize_t __wasip2_readv_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  size_t total;
  int last, nonempty = __wasip2_iov_scan(iov, n, &total, &last);
  if (nonempty < 0) return -1;
  if (nonempty <= 1) return d->ops->read(d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0);
  size_t len = total < BOUNCE_MAX ? total : BOUNCE_MAX;
  char *tmp = __wasip2_malloc(len);
  if (!tmp) { errno = ENOMEM; return -1; }
  ssize_t r = d->ops->read(d, tmp, len);
  if (r > 0) __wasip2_iov_scatter(iov, n, tmp, r);
  __wasip2_free(tmp);
  return r;
}

ssize_t __wasip2_writev_bounce(struct __wasip2_desc *d, const struct iovec *iov, int n) {
  size_t utotal;
  int last, nonempty = __wasip2_iov_scan(iov, n, &utotal, &last);
  if (nonempty < 0) return -1;
  ssize_t total = (ssize_t)utotal;
  if (nonempty <= 1) return d->ops->write(d, nonempty ? iov[last].iov_base : NULL, nonempty ? iov[last].iov_len : 0);
  size_t len = total < BOUNCE_MAX ? total : BOUNCE_MAX;
  char *tmp = __wasip2_malloc(len);
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
    if (w < 0) { __wasip2_free(tmp); return done ? done : -1; }
    done += w;
    if ((size_t)w < fill) break;
  }
  __wasip2_free(tmp);
  return done;
}
