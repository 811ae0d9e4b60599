// Upstream wasi-libc's preopen controls (<wasi/libc.h>), for programs and
// snapshotting tools (Wizer-style pre-initialisers) written against them.
// __wasilibc_populate_preopens loads the table now instead of on first use;
// __wasilibc_reset_preopens forgets it and, as upstream does on p2, closes
// every other descriptor (fds 3 and up: a resumed snapshot would hold stale
// host handles), so nothing of the old host survives; stdin/stdout/stderr
// stay (they are fetched from the host again when next used).  The table is
// loaded again from the host by the next path call.
#include <errno.h>
#include <wasi/libc.h>
#include "wasip2_fd.h"
#include "wasip2_fs.h"

void __wasilibc_populate_preopens(void) {
  __wasip2_preopen_count();
}

void __wasilibc_reset_preopens(void) {
  int saved = errno;
  int limit = __wasip2_fd_limit();
  for (int fd = 3; fd < limit; fd++)
    if (__wasip2_fd_getfdflags(fd) >= 0) __wasip2_fd_close(fd);
  __wasip2_preopen_reset();
  errno = saved;
}
