// The allocator the host calls (canonical ABI `cabi_realloc`) to hand us
// lists and strings.  A caller that knows where the bytes should go (read
// into a user buffer) arms a one-shot landing buffer first, so the host
// writes straight into it: no malloc, no copy, no free.
#include <stdlib.h>
#include "wasip2_fd.h"

static void *land_buf;
static size_t land_len;
static int land_used;

void __wasip2_land_begin(void *buf, size_t len) {
  land_buf = buf;
  land_len = len;
  land_used = 0;
}

int __wasip2_land_end(void) {
  int used = land_used;
  land_buf = NULL;
  land_used = 0;
  return used;
}

// what the bindings of host calls that return lists or strings reference
// (WASIP2_NEEDS_CABI_REALLOC in the generated header): linking one links this
const char __wasip2_cabi_realloc_link = 0;

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size) {
  (void)old_size;
  // only a byte list may land: a list of records (UDP datagrams) allocates
  // its record array first, and that must not take the caller's byte buffer
  if (!ptr && land_buf && align == 1 && new_size <= land_len) {
    void *p = land_buf;
    land_buf = NULL;
    land_used = 1;
    return p;
  }
  // Empty lists get a real (1-byte) block, so every pointer the host hands
  // us can be passed to free() or realloc() like any other.
  if (new_size == 0) new_size = 1;
  // The canonical ABI aligns nothing to more than 8 (u64, f64), and malloc
  // aligns to 16, so no aligned_alloc (and its code) is needed.
  (void)align;
  if (ptr) return __wasip2_realloc(ptr, new_size);
  return __wasip2_malloc(new_size);
}
