// What configure scripts probe for threads, done the way autoconf does it:
// AC_CHECK_HEADER(pthread.h), AC_CHECK_LIB(pthread, pthread_create) and
// AC_SEARCH_LIBS with no library (a `char f();` reference linked
// with and without -lpthread), AC_CHECK_FUNCS over the API, AC_CHECK_SIZEOF
// of every pthread type (musl's wasm32 sizes, which upstream wasi-libc's
// headers have too), AX_PTHREAD's PTHREAD_PRIO_INHERIT and
// PTHREAD_CREATE_JOINABLE, and a run-time probe that falls back to doing
// the work itself when pthread_create says EAGAIN.
//! timeout: 180
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
const dir = mkdtempSync(join(tmpdir(), 'wasip2-probe-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let failures = 0, n = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-1500)}`}`);
  if (!ok) failures++;
}
function cc(src, flags = [], link = true) {
  const f = join(dir, `conftest${n++}.c`);
  writeFileSync(f, src);
  const out = f.replace(/\.c$/, link ? '.wasm' : '.o');
  return spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O0', ...(link ? [] : ['-c']), f, '-o', out, ...flags],
    { encoding: 'utf8', env });
}

let r = cc('#include <pthread.h>\nint main(void) { return 0; }\n', [], false);
check(r.status === 0, 'AC_CHECK_HEADER(pthread.h)', r.stderr);
r = cc('#include <pthread.h>\n', ['-std=c99', '-pedantic', '-Werror', '-Wall'], false);
check(r.status === 0, '<pthread.h> compiles with -std=c99 -pedantic -Werror', r.stderr);
r = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-x', 'c++', '-fsyntax-only', '-'],
  { input: '#include <pthread.h>\n', encoding: 'utf8', env });
check(r.status === 0, '<pthread.h> compiles as C++', r.stderr);

const probe = (fn) => `/* Override any GCC internal prototype to avoid an error. */\nchar ${fn} ();\nint main (void) { return ${fn} (); }\n`;
r = cc(probe('pthread_create'), ['-lpthread']);
check(r.status === 0, 'AC_CHECK_LIB(pthread, pthread_create): links with -lpthread', r.stderr);
r = cc(probe('pthread_create'));
check(r.status === 0, 'AC_SEARCH_LIBS(pthread_create, , ): links with no library ("none required")', r.stderr);

const funcs = ['pthread_mutex_timedlock', 'pthread_condattr_setclock', 'pthread_rwlock_timedwrlock', 'pthread_barrier_init',
  'pthread_spin_lock', 'pthread_key_create', 'pthread_once', 'pthread_sigmask', 'pthread_kill', 'pthread_attr_setstacksize',
  'pthread_setname_np', 'pthread_getattr_np', 'pthread_cond_clockwait', 'pthread_mutex_clocklock', 'pthread_atfork',
  'pthread_getcpuclockid', 'pthread_cancel', 'pthread_testcancel', 'pthread_join', 'pthread_detach', 'pthread_exit',
  '_pthread_cleanup_push', '_pthread_cleanup_pop'];
// One conftest referencing them all (autoconf links one per function; a missing one
// shows up as an undefined symbol naming it).
r = cc(funcs.map((f) => `char ${f} ();`).join('\n') + `\nint main (void) { return ${funcs.map((f) => `${f} ()`).join(' + ')}; }\n`);
check(r.status === 0, `AC_CHECK_FUNCS: ${funcs.length} pthread functions link`, r.stderr);

// AC_CHECK_SIZEOF compiles `static int test_array[1 - 2 * !(sizeof (T) == N)];`: one
// translation unit with every type, a failing size is a compile error naming it.
const sizes = { pthread_t: 4, pthread_attr_t: 36, pthread_mutex_t: 24, pthread_mutexattr_t: 4, pthread_cond_t: 48,
  pthread_condattr_t: 4, pthread_rwlock_t: 32, pthread_rwlockattr_t: 8, pthread_barrier_t: 20, pthread_barrierattr_t: 4,
  pthread_spinlock_t: 4, pthread_key_t: 4, pthread_once_t: 4 };
r = cc('#include <pthread.h>\n' + Object.entries(sizes).map(([t, s]) =>
  `static int size_${t}[1 - 2 * !(sizeof (${t}) == ${s})];`).join('\n') + '\n', [], false);
check(r.status === 0, `AC_CHECK_SIZEOF: ${Object.entries(sizes).map(([t, s]) => `${t} ${s}`).join(', ')}`, r.stderr);

r = cc('#include <pthread.h>\nint main(void) { int i = PTHREAD_PRIO_INHERIT; int j = PTHREAD_CREATE_JOINABLE; return i + j - 1; }\n');
check(r.status === 0, 'AX_PTHREAD: PTHREAD_PRIO_INHERIT and PTHREAD_CREATE_JOINABLE', r.stderr);

// A program that uses a worker thread when it can and does the work itself otherwise.
r = cc(`#include <errno.h>
#include <pthread.h>
#include <stdio.h>
static void *work(void *arg) { *(int *)arg = 42; return arg; }
int main(void) {
  pthread_t t; int v = 0;
  int e = pthread_create(&t, NULL, work, &v);
  if (e == 0) pthread_join(t, NULL);
  else if (e == EAGAIN) work(&v);
  printf("create=%s v=%d\\n", e == EAGAIN ? "EAGAIN" : e ? "error" : "ok", v);
  return v == 42 ? 0 : 1;
}
`, ['-lpthread']);
if (r.status !== 0) check(false, 'fallback program builds', r.stderr);
else {
  const run = spawnSync(join(BIN, 'wasip2-run'), ['--check-leaks', join(dir, `conftest${n - 1}.wasm`)], { encoding: 'utf8' });
  check(run.status === 0 && run.stdout === 'create=EAGAIN v=42\n', 'pthread_create says EAGAIN, the program falls back and works', run.stdout + run.stderr);
}
process.exit(failures ? 1 : 0);
