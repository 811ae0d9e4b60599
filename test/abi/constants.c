// Every constant and struct layout that crosses a call between an object
// built with the upstream SDK's wasm32-wasip2 headers and this libc is the
// same here (test/abi/upstream_wasip2.h records upstream's): checked at
// compile time, so a drift is a build error, and counted at run time.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "upstream_wasip2.h"
#include "check.h"

static int n;
#define F(name, value) _Static_assert((name) == (value), #name " differs from upstream's " #value);
UPSTREAM_SOCKET_CONSTANTS
UPSTREAM_POLL_CONSTANTS
UPSTREAM_FILE_CONSTANTS
UPSTREAM_ERRNO_VALUES
#undef F
#define sizeof_of(t) sizeof(struct t)
#define alignof_of(t) _Alignof(struct t)
#define L(t, what, value) _Static_assert(what##_of(t) == (value), #what " struct " #t " differs from upstream's " #value);
#define O(t, m, value) _Static_assert(offsetof(struct t, m) == (value), "offset of " #t "." #m " differs from upstream's " #value);
UPSTREAM_LAYOUTS
#undef L
#undef O
// max_align_t's alignment is what the sockaddr headers spell __BIGGEST_ALIGNMENT__
_Static_assert(_Alignof(max_align_t) == __BIGGEST_ALIGNMENT__, "sockaddr alignment");

int main(void) {
#define F(name, value) n++;
#define L(t, what, value) n++;
#define O(t, m, value) n++;
  UPSTREAM_SOCKET_CONSTANTS UPSTREAM_POLL_CONSTANTS UPSTREAM_FILE_CONSTANTS UPSTREAM_ERRNO_VALUES UPSTREAM_LAYOUTS
  printf("%d upstream facts agree (checked at compile time)\n", n);
  return n > 200 ? 0 : 1;
}
