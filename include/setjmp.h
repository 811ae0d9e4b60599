/* wasip2-libc <setjmp.h>: setjmp/longjmp through wasm exception handling.
 *
 * clang lowers setjmp/longjmp calls itself when code is compiled with
 * `-mllvm -wasm-enable-sjlj` (our default options: mk/clang-cfg.sh, which
 * wasip2-cc, the CMake toolchain and the installed clang configuration file
 * pass, with the standard exception-handling encoding); the library supplies only the runtime it calls
 * (src/setjmp/).  Without the flag clang emits a plain call to a `setjmp`
 * function, which no wasm library can implement (a wasm function cannot
 * return twice).  So, without it, a CALL (not the mere #include: libpng's
 * header includes us) is a compile error naming the flag.  The flag makes
 * the driver define __WASM_EXCEPTIONS__; the one way past this check without
 * the lowering (-fwasm-exceptions alone) ends at link time as "undefined
 * symbol: setjmp", because the library deliberately defines no setjmp. */
#ifndef _SETJMP_H
#define _SETJMP_H

#if defined(__WASM_EXCEPTIONS__) || defined(__WASIP2_SETJMP_NO_CHECK)
#define __WASIP2_SJLJ_CHECK
#else
#define __WASIP2_SJLJ_CHECK __attribute__((__diagnose_if__(1, \
	"setjmp/longjmp on wasm32-wasip2 need clang's exception-handling lowering: compile with -mllvm -wasm-enable-sjlj -mllvm -wasm-use-legacy-eh=false (wasip2-cc, the CMake toolchain and the clang configuration file make install writes pass them)", "error")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

#include <features.h>

/* The runtime uses 16 bytes (src/setjmp/wasm_sjlj.c); objects compiled
 * against other headers pass larger buffers, which is fine.  Kept small on
 * purpose: interpreters keep one per protected call on the C stack.  __fl
 * and __ss hold sigsetjmp's saved mask (signals 1..64). */
typedef struct __jmp_buf_tag {
	unsigned long long __jb[2];
	unsigned long __fl;
	unsigned long __ss[2];
} jmp_buf[1];

typedef jmp_buf sigjmp_buf;

__WASIP2_SJLJ_CHECK int setjmp(jmp_buf) __attribute__((__returns_twice__));
__WASIP2_SJLJ_CHECK _Noreturn void longjmp(jmp_buf, int);

/* The lowering recognises only the names setjmp and longjmp, so the other
 * spellings must reach it as those calls. */
#define _setjmp(env) setjmp(env)
#define _longjmp(env, val) longjmp(env, val)

void __wasip2_sigjmp_save(sigjmp_buf, int);
void __wasip2_sigjmp_restore(sigjmp_buf);
#define sigsetjmp(env, savemask) (__wasip2_sigjmp_save((env), (savemask)), setjmp(env))
#define siglongjmp(env, val) (__wasip2_sigjmp_restore(env), longjmp((env), (val)))

#ifdef __cplusplus
}
#endif

#endif
