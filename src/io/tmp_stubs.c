// TEMPORARY until poll.c and fs_errno.c land.
#include "wasip2_fd.h"
#include <errno.h>
__attribute__((weak)) void __wasip2_poll_add(struct __wasip2_poll_ctx *c, wasi_io_poll_pollable_t p, short r) {}
__attribute__((weak)) int __wasip2_fs_errno(wasi_filesystem_types_error_code_t c) { return EIO; }
