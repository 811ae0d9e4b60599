// Host bug 12: jco's transpiler rejects wasm exception handling (clang-22 -mllvm
// -wasm-enable-sjlj, legacy encoding); wasip2-run must run such components anyway.
// The guest carries its own tiny sjlj runtime so this test does not need libc.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRELUDE, ROOT, RUNNER, compile, makeTestWit, skip, tempDir, which } from '../tools/fixtures.mjs';

if (!which('clang-22')) skip('clang-22 not found');
const RT = String.raw`
typedef unsigned int u32;
typedef struct { void *fid; u32 label; struct { void *env; int val; } arg; } jb_t;
void __wasm_setjmp(void *env, u32 label, void *fid) { jb_t *j = env; j->fid = fid; j->label = label; }
u32 __wasm_setjmp_test(void *env, void *fid) { jb_t *j = env; return j->fid == fid ? j->label : 0; }
__asm__(".globl __c_longjmp\n.tagtype __c_longjmp i32\n__c_longjmp:\n");
__attribute__((target("exception-handling"), noreturn))
void __wasm_longjmp(void *env, int val) { jb_t *j = env; j->arg.env = env; j->arg.val = val ? val : 1; __builtin_wasm_throw(1, &j->arg); }
`;
const SRC = PRELUDE + String.raw`
typedef struct { void *fid; u32 label; struct { void *env; int val; } arg; } jmp_buf[1];
int setjmp(jmp_buf); void longjmp(jmp_buf, int) __attribute__((noreturn));
static jmp_buf jb;
__attribute__((noinline)) static void thrower(int n) { if (n == 0) longjmp(jb, 7); thrower(n - 1); }
RUN {
  int count = 0;
  for (int i = 0; i < 10000; i++) { if (setjmp(jb) == 0) thrower(i % 50); else count++; }
  int out = get_stdout();
  put(out, count == 10000 ? "10000 longjmps ok\n" : "longjmp count wrong\n");
  drop_out(out);
  return count == 10000 ? 0 : 1;
}`;
const dir = tempDir('sjlj');
writeFileSync(join(dir, 'rt.c'), RT);
const rt = spawnSync('clang-22', ['--target=wasm32-wasip2', '-O2', '-c', join(dir, 'rt.c'), '-o', join(dir, 'rt.o')], { encoding: 'utf8' });
if (rt.status) { console.log(rt.stderr); process.exit(1); }
const built = compile(dir, makeTestWit(dir), SRC, 'sj.wasm', ['-mllvm', '-wasm-enable-sjlj', join(dir, 'rt.o')]);
if (built.status) { console.log(built.stderr); process.exit(1); }

let failures = 0;
// bare host: jco's transpiler on the component as is
const { transpileBytes } = await import(pathToFileURL(join(ROOT, 'node_modules/@bytecodealliance/jco-transpile/dist/transpile.js')).href);
let bareMsg = 'transpiled';
try { await transpileBytes(readFileSync(built.path), { name: 'component', instantiation: 'async' }); } catch (e) { bareMsg = String(e?.message ?? e).split('\n')[0]; }
console.log(`bare jco transpile: ${bareMsg === 'transpiled' ? 'did NOT reproduce the bug' : `rejected (${bareMsg})`}`);
const r = spawnSync(process.execPath, [RUNNER, '--check-leaks', built.path], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
const ok = r.status === 0 && r.stdout === '10000 longjmps ok\n';
console.log(`${ok ? 'ok  ' : 'FAIL'} bug 12: wasip2-run runs a setjmp/longjmp component (10000 longjmps)${ok ? '' : `\n  exit ${r.status} ${r.stdout} ${r.stderr}`}`);
if (!ok) failures++;
process.exit(failures ? 1 : 0);
