// getentropy(3) and getrandom(2) on wasi:random (secure bytes); the bytes
// land directly in the caller's buffer.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include "wasip2_runtime.h"

static void fill(void *buf, size_t len) {
  wasip2_list_u8_t got;
  __wasip2_land_begin(buf, len);
  wasi_random_random_get_random_bytes(len, &got);
  if (!__wasip2_land_end() && got.len) {
    memcpy(buf, got.ptr, got.len < len ? got.len : len);
    free(got.ptr);
  }
}

int getentropy(void *buf, size_t len) {
  if (len > 256) { errno = EIO; return -1; }
  if (__wasip2_span(buf, &len) < 0) return -1;
  if (len) fill(buf, len);
  return 0;
}

ssize_t getrandom(void *buf, size_t len, unsigned flags) {
  // Linux: unknown flags, or GRND_RANDOM with GRND_INSECURE, are EINVAL
  if ((flags & ~0x7u) || (flags & 0x6u) == 0x6u) { errno = EINVAL; return -1; }
  if (len > 33554431) len = 33554431; // Linux's per-call limit
  if (__wasip2_span(buf, &len) < 0) return -1;
  if (len) fill(buf, len);
  return len;
}
