// The runtime: the bottom layer of the bottom half, which every other layer
// may use and which uses none of them (docs/CONVENTIONS.md, "Layers").  The
// allocator, the landing buffer for host lists, the buffer rule, I/O
// vectors, the errno tables, the clock, exit hooks and process start/exit,
// and the symbols the compiler's generated code calls.
#ifndef WASIP2_RUNTIME_H
#define WASIP2_RUNTIME_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>
#include "wasip2_bindings.h"

// ---------------------------------------------------------------- memory
// A list or string the host returns with length 0 may carry a pointer that
// is not an allocation (the host need not call cabi_realloc for it): free
// host lists with this, never with a bare free().
#define WASIP2_FREE_LIST(l) do { if ((l).len) __wasip2_free((void *)(l).ptr); } while (0)

// The bottom half's allocator (src/mem/alloc.c): malloc & co. when the link
// has them, else a small block allocator, so open() alone links no dlmalloc.
// Memory the host hands us (cabi_realloc) and our own state use these.
void *__wasip2_malloc(size_t n);
void *__wasip2_calloc(size_t n, size_t size);
void *__wasip2_realloc(void *p, size_t n);
void __wasip2_free(void *p);
char *__wasip2_strdup(const char *s);

// Landing buffer for host-returned lists (src/mem/cabi_realloc.c): the next
// cabi_realloc(NULL, 0, 1, n) with n <= len returns buf instead of malloc,
// so a read lands in the caller's buffer with no copy.  __wasip2_land_end
// returns 1 if the buffer was used and resets the hook.
void __wasip2_land_begin(void *buf, size_t len);
int __wasip2_land_end(void);

// ---------------------------------------------------------------- buffers
// The buffer rule of every data call (src/io/span.c): clamps *len to
// SSIZE_MAX, then 0 when [buf, buf+*len) lies in linear memory (len 0
// always does), else -1 with EFAULT.  iov_scan applies it to each entry.
int __wasip2_span(const void *buf, size_t *len);
// Most bytes one host call is asked to move for a file read or write, or a
// stream read: the host allocates what it is asked for, so a huge length
// goes in pieces of this size (file reads loop until short; streams may
// return short reads anyway).
#define WASIP2_HOST_IO_MAX ((size_t)1 << 20)

// I/O vectors (src/io/iovec.c).  scan: number of non-empty entries (the
// last one's index in *last) and the byte total, or -1 with EINVAL (bad
// count, sum over SSIZE_MAX) or EFAULT; scatter/gather copy between a
// vector and one flat buffer.  Each entry's buffer is checked with
// __wasip2_span, after the whole vector's lengths (Linux's order).
int __wasip2_iov_scan(const struct iovec *iov, int n, size_t *total, int *last);
ssize_t __wasip2_iov_total(const struct iovec *iov, int n);
void __wasip2_iov_scatter(const struct iovec *iov, int n, const char *src, size_t len);
void __wasip2_iov_gather(const struct iovec *iov, int n, char *dst);

// ---------------------------------------------------------------- errno
// The single translation tables (src/errno/*.c).
int __wasip2_fs_errno(wasi_filesystem_types_error_code_t code);
int __wasip2_net_errno(wasi_sockets_network_error_code_t code);
// Where errno lives (src/errno/errno_location.c): objects built with
// -pthread reach errno through it (the public include/errno.h declares it
// for them too).
int *__wasip2_errno_location(void);

// ---------------------------------------------------------------- clock
// Monotonic-clock helpers (src/time).
uint64_t __wasip2_now_ns(void);
// A thread's CPU clock (pthread_getcpuclockid) is the thread's own
// address as a clockid_t (a pointer in this ABI, like CLOCK_MONOTONIC's):
// distinct per live thread and from every named clock.  It reads what
// CLOCK_THREAD_CPUTIME_ID reads.  Is id a live thread's?  The thread layer
// answers (src/thread/pthread_misc.c; weak: absent when no program code
// could have asked pthread_getcpuclockid for one).
int __wasip2_thread_cpuclock(clockid_t id) __attribute__((weak));
#define __WASIP2_IS_THREAD_CPUCLOCK(id) (__wasip2_thread_cpuclock && __wasip2_thread_cpuclock(id))

// ---------------------------------------------------------------- start and exit
// Global resources cached by an area (a timer pollable, the network handle)
// are released at exit through a hook registered here (runs after every fd
// is closed, in reverse order of registration).
void __wasip2_on_exit(void (*fn)(void));
// The last step of every way out (src/exit/_Exit.c, called by _Exit and by
// crt1's return from main): records the status, releases every resource
// and returns the is-err flag of the host's ok/err result.
int __wasip2_finish(int status);
// The recorded status (src/exit/_Exit.c), exported from the core module
// for wasip2-run, which calls it when the program ended with err.
int __wasip2_exit_status(void);
// abort()'s way out (src/exit/trap_exit.c): records the status and releases
// everything like _Exit, then traps, so that the host shows where the program
// was (wasip2-run: a backtrace and the recorded status; wasmtime: its trap
// backtrace).  The sanitizer runtime (src/ubsan) ends the same way.
_Noreturn void __wasip2_trap_exit(int status);

// The exports the host calls (src/crt): wasi:cli/run of a command, and
// _initialize of a reactor (-mexec-model=reactor).
int __wasip2_run(void);
void _initialize(void);

// Defined by the compiler and linker for every program: the constructors
// and destructors, and main's entry (for `int main(int, char **)` the
// compiler renames main to __main_argc_argv, and src/env/main_void.c's weak
// __main_void fetches argv and calls it).
void __wasm_call_ctors(void);
void __wasm_call_dtors(void);
int __main_void(void);
int __main_argc_argv(int argc, char **argv);
// The stack's bounds, when wasm-ld defines them (weak: NULL otherwise):
// getrlimit's RLIMIT_STACK (src/proc/rlimit.c) and the main thread's
// pthread_attr (src/thread/pthread_attr.c).
extern char __stack_high[] __attribute__((weak));
extern char __stack_low[] __attribute__((weak));

// ---------------------------------------------------------------- compiler support
// Called by code the compiler generates: -fstack-protector's canary and
// failure (src/cxx/stack_chk.c), and the wasm exception-handling lowering
// of setjmp/longjmp (src/setjmp/wasm_sjlj.c).
extern uintptr_t __stack_chk_guard;
_Noreturn void __stack_chk_fail(void);
void __wasm_setjmp(void *env, uint32_t label, void *invocation);
uint32_t __wasm_setjmp_test(void *env, void *invocation);
_Noreturn void __wasm_longjmp(void *env, int val);

#endif
