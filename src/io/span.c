// The one rule every read/write/send/recv path applies to a caller's buffer
// before any transfer: the length is clamped to SSIZE_MAX (what a return
// value can report) and [buf, buf+len) must lie inside linear memory, the
// whole "address space" a wasm program has.  Linux's access_ok plays the
// same part, so a length that runs past the end is EFAULT, never a host
// copy of whatever memory follows the buffer.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include "wasip2_fd.h"

int __wasip2_span(const void *buf, size_t *len) {
  if (*len > SSIZE_MAX) *len = SSIZE_MAX;
  if (*len == 0) return 0;
  // 64-bit arithmetic: a full 4 GiB memory is 65536 pages, which overflows size_t
  uint64_t end = (uint64_t)__builtin_wasm_memory_size(0) * 65536;
  uintptr_t p = (uintptr_t)buf;
  // address 0 is mapped in wasm but is NULL to C: Linux faults on it
  if (!p || p >= end || *len > end - p) { errno = EFAULT; return -1; }
  return 0;
}
