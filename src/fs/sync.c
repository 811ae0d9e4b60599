// sync(2): commit buffered filesystem data.  WASI 0.2 has no whole-system
// sync, and nothing is buffered on our side -- every write(2) has reached the
// host (and so the host kernel) before it returns; stdio buffers are the
// program's own, which sync does not flush on Linux either.  So there is
// nothing to do, as after a Linux sync that finds no dirty pages.
#include <unistd.h>

void sync(void) {}
