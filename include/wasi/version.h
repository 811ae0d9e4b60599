/* wasip2-libc <wasi/version.h>: which WASI this C library targets, as
 * upstream wasi-libc's header says it (__wasip2__; clang also predefines it
 * for --target=wasm32-wasip2), plus this library's own version.  The
 * wasi-sdk macros (__wasi_sdk_major__ ...) are not defined: this is not
 * wasi-sdk, and code that tests them would assume its features. */
#ifndef __WASI_VERSION_H
#define __WASI_VERSION_H

#ifndef __wasi__
#error <wasi/version.h> is only supported on WASI platforms.
#endif

#ifndef __wasip2__
#define __wasip2__ 1
#endif

/* the WASI release whose interfaces our components import (wasi:*@0.2.0) */
#define __wasip2_libc_wasi_version__ "0.2.0"
/* this library: major * 10000 + minor * 100 + patch */
#define __wasip2_libc_version__ 100
#define __wasip2_libc_version_string__ "0.1.0"

#endif
