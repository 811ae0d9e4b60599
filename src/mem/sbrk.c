// sbrk(2), which the top half's dlmalloc grows the heap through.  On this
// engine every memory.grow costs about the same whatever its size (1.5 ms
// on V8 here), and dlmalloc asks for little at a time, so linear memory is
// grown geometrically: at least 1 MiB or an eighth of the current size per
// memory.grow, and the break moves inside what was grown.  Near the 4 GiB
// limit (or when the engine refuses the large step) it grows by exactly
// what is needed; when even that fails: -1 with ENOMEM.
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#define PAGE 65536u
#define MAX_PAGES 65536u         // 4 GiB of wasm32 linear memory
#define MIN_STEP_PAGES 16u       // 1 MiB

static uint64_t brk_now;         // 0 until the first call (64-bit: 4 GiB fits)

void *sbrk(intptr_t increment) {
  uint64_t end = (uint64_t)__builtin_wasm_memory_size(0) * PAGE;
  if (!brk_now) brk_now = end;   // the heap starts where memory ends
  uint64_t old = brk_now;
  if (increment == 0) return (void *)(uintptr_t)old;
  if (increment < 0) {
    // shrink within what sbrk handed out; memory itself never shrinks
    if ((uint64_t)-(int64_t)increment > old) { errno = EINVAL; return (void *)-1; }
    brk_now = old - (uint64_t)-(int64_t)increment;
    return (void *)(uintptr_t)old;
  }
  uint64_t want = old + (uint64_t)increment;
  // the break must stay a valid 32-bit address
  if (want >= (uint64_t)MAX_PAGES * PAGE) { errno = ENOMEM; return (void *)-1; }
  if (want > end) {
    uint64_t cur = end / PAGE;
    uint64_t need = (want - end + PAGE - 1) / PAGE;
    uint64_t step = cur / 8 > MIN_STEP_PAGES ? cur / 8 : MIN_STEP_PAGES;
    if (step < need) step = need;
    if (cur + step > MAX_PAGES) step = MAX_PAGES - cur;
    if (__builtin_wasm_memory_grow(0, (uintptr_t)step) == (uintptr_t)-1 &&
        (step == need || __builtin_wasm_memory_grow(0, (uintptr_t)need) == (uintptr_t)-1)) {
      errno = ENOMEM;
      return (void *)-1;
    }
  }
  brk_now = want;
  return (void *)(uintptr_t)old;
}
