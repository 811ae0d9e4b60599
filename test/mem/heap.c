// The heap's growth (src/mem/sbrk.c): sbrk hands out contiguous bytes from
// a break that moves inside linear memory, which grows by at least 1 MiB
// or an eighth of its size per memory.grow, so many small requests cost few
// grows; sbrk(0) is the break, a negative increment moves it back (not
// below 0: EINVAL); malloc of the impossible is NULL + ENOMEM; 200,000 live small blocks (about 12 MiB)
// are all usable at once.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static size_t mem_bytes(void) { return __builtin_wasm_memory_size(0) * 65536u; }

int main(void) {
  // contiguous small steps inside one grow
  char *b0 = sbrk(0);
  CHECK(b0 != (void *)-1);
  char *a = sbrk(100);
  CHECK(a == b0);
  char *b = sbrk(28);
  CHECK(b == a + 100);
  CHECK(sbrk(0) == b + 28);
  memset(a, 0x5a, 128);                      // the bytes are really there
  CHECK(a[0] == 0x5a && a[127] == 0x5a);
  size_t before = mem_bytes();
  CHECK(before >= (size_t)(uintptr_t)(b + 28));

  // a grow of one page reserves at least 1 MiB (or 1/8): the next requests need none
  size_t brk = (size_t)(uintptr_t)sbrk(0);
  char *big = sbrk((intptr_t)(before - brk) + 1); // one byte past the end of memory
  CHECK(big == (char *)brk);
  size_t after = mem_bytes();
  size_t step = after - before;
  CHECK(step >= (1u << 20) || step >= before / 8);
  int grows = 0;
  size_t last = after;
  for (int i = 0; i < 100; i++) {            // 100 x 4 KiB = 400 KiB, inside the step
    CHECK(sbrk(4096) != (void *)-1);
    if (mem_bytes() != last) { grows++; last = mem_bytes(); }
  }
  CHECK(grows == 0);

  // negative increments move the break back, not below where it was
  char *top = sbrk(0);
  CHECK(sbrk(-4096) == top && sbrk(0) == top - 4096);
  CHECK(sbrk(4096) == top - 4096 && sbrk(0) == top);

  // below the heap's start: EINVAL, break unchanged; the impossible malloc:
  // NULL + ENOMEM (4 GiB itself cannot be reached here without really
  // growing the instance to gigabytes)
  errno = 0;
  CHECK(sbrk(-(intptr_t)((uintptr_t)top + 1)) == (void *)-1 && errno == EINVAL);
  CHECK(sbrk(0) == top);
  // (results kept in a volatile and errno read through one: clang would
  // otherwise drop an unused allocation and assume malloc leaves errno alone)
  static void *volatile sink;
  errno = 0;
  sink = malloc(SIZE_MAX - 4096);
  CHECK(sink == NULL && *(volatile int *)&errno == ENOMEM);
  errno = 0;
  sink = malloc(3u << 30);
  CHECK(sink == NULL && *(volatile int *)&errno == ENOMEM);
  errno = 0;
  sink = calloc(SIZE_MAX / 2, 4);
  CHECK(sink == NULL && *(volatile int *)&errno == ENOMEM);

  // many live small blocks, each intact
  enum { N = 200000 };
  static unsigned char *blk[N];
  size_t m0 = mem_bytes();
  int ok = 1;
  for (int i = 0; i < N; i++) {
    size_t len = 16 + i % 97;
    blk[i] = malloc(len);
    if (!blk[i]) { ok = 0; break; }
    memset(blk[i], i & 0xff, len);
  }
  CHECK(ok);
  for (int i = 0; ok && i < N; i++) {
    size_t len = 16 + i % 97;
    if (blk[i][0] != (i & 0xff) || blk[i][len - 1] != (i & 0xff)) { ok = 0; CHECK(!"block intact"); }
  }
  for (int i = 0; i < N; i++) free(blk[i]);
  printf("heap grew %zu KiB for %d blocks\n", (mem_bytes() - m0) >> 10, N);
  return CHECK_DONE();
}
