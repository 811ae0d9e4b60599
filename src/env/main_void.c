// __main_void: what crt1 calls for `int main(void)` programs is defined by
// the compiler; for `main(int, char **)` this weak version fetches argv from
// wasi:cli/environment and calls the renamed main.
#include <stdlib.h>
#include <string.h>
#include "wasip2_runtime.h"
#include "wasip2_top.h"

// musl's libc.o (top half) defines __progname and __progname_full
// (src/include/wasip2_top.h); musl's own start code sets them from argv[0],
// which WASI's never did, so err()/warn() and programs printing
// program_invocation_short_name saw NULL.

__attribute__((weak)) int __main_void(void) {
  wasip2_list_string_t args;
  wasi_cli_environment_get_arguments(&args);
  char **argv = __wasip2_malloc((args.len + 1) * sizeof *argv);
  if (!argv) abort();
  for (size_t i = 0; i < args.len; i++) {
    // an empty string's pointer is not an allocation (the host may not
    // call cabi_realloc for it): never realloc or free it
    char *s = args.ptr[i].len ? __wasip2_realloc(args.ptr[i].ptr, args.ptr[i].len + 1) : __wasip2_malloc(1);
    if (!s) abort();
    s[args.ptr[i].len] = 0;
    argv[i] = s;
  }
  argv[args.len] = NULL;
  if (args.len) {
    __progname_full = argv[0];
    char *slash = strrchr(argv[0], '/');
    __progname = slash ? slash + 1 : argv[0];
  }
  if (args.len) __wasip2_free(args.ptr);
  return __main_argc_argv((int)args.len, argv);
}
