// sysinfo(2): uptime from the monotonic clock (the host's, which on Linux
// hosts counts from boot); memory in units of wasm pages (mem_unit 65536, as
// Linux does for sizes that overflow a 32-bit long): the 4 GiB wasm32 address
// space and what linear memory has not grown into yet; one process, no swap,
// no load figures (WASI has none: zero).  Not sysconf(_SC_PHYS_PAGES):
// Debian's overflows on this target and answers a negative count.
#include <errno.h>
#include <string.h>
#include <sys/sysinfo.h>
#include "wasip2_bindings.h"

int sysinfo(struct sysinfo *si) {
  if (!si) {
    errno = EFAULT;
    return -1;
  }
  memset(si, 0, sizeof *si);
  si->uptime = (unsigned long)(wasi_clocks_monotonic_clock_now() / 1000000000u);
  si->totalram = 65536;  // 4 GiB / 64 KiB
  si->freeram = 65536 - (unsigned long)__builtin_wasm_memory_size(0);
  si->procs = 1;
  si->mem_unit = 65536;
  return 0;
}
