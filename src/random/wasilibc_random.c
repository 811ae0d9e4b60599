// __wasilibc_random (upstream's <wasi/libc.h>): fill any length with random
// bytes; getentropy's 256-byte limit is upstream's concern, not its callers'.
#include <stddef.h>
#include <sys/random.h>
#include <wasi/libc.h>

int __wasilibc_random(void *buf, size_t len) {
  for (size_t done = 0; done < len;) {
    size_t n = len - done < 256 ? len - done : 256;
    if (getentropy((char *)buf + done, n) < 0) return -1;
    done += n;
  }
  return 0;
}
