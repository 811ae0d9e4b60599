// Trap backtraces (tools/lib/backtrace.mjs): a trap or an abort three calls deep prints
// "wasm backtrace:" with each frame's function, innermost first, and file:line with -g;
// names only at -O2 without -g; nothing with WASIP2_BACKTRACE=0; a failed assert prints
// glibc's message; abort keeps status 134; -pthread and preview1-adapter builds too.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, RUNNER, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('trap');
const PATH = `${join(ROOT, 'build/bin')}:${process.env.PATH}`;
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failed++; if (detail) console.log(String(detail).replace(/^/gm, '    ')); }
};
const src = join(ROOT, 'test/trap/deep.c');
const cc = (name, flags) => {
  const out = join(dir, `${name}.wasm`);
  const r = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build/sysroot')}`,
    `-I${join(ROOT, 'test/include')}`, ...flags, src, '-o', out], { encoding: 'utf8', env: { ...process.env, PATH } });
  if (r.status !== 0) { check(false, `${name} builds`, r.stderr); process.exit(1); }
  return out;
};
const run = (wasm, args, env = {}) => spawnSync(process.execPath, [RUNNER, wasm, ...args],
  { encoding: 'utf8', env: { ...process.env, PATH, ...env }, timeout: 60000 });
// the function names of the backtrace's frames, innermost first
const names = (err) => [...err.matchAll(/^\s+\d+: 0x[0-9a-f]+ - (\S+)$/gm)].map((m) => m[1]);
const frames = (err) => err.split('\n').filter((l) => /^\s+\d+: 0x/.test(l) || /^\s+at /.test(l));

const g = cc('deep-g', ['-g', '-O0']);
let r = run(g, []);
check(r.status === 134 && /^wasip2-run: trap: integer divide by zero\nwasm backtrace:\n/.test(r.stderr),
  '-g divide by zero: exit 134, the trap line, then "wasm backtrace:"', r.stderr);
check(names(r.stderr).slice(0, 4).join(' ') === 'inner middle outer main', 'frames innermost first: inner middle outer main', r.stderr);
const f = frames(r.stderr);
check(/^\s+at .*test\/trap\/deep\.c:15:\d+$/.test(f[1] ?? '') && /deep\.c:17:/.test(f[3] ?? '') && /deep\.c:18:/.test(f[5] ?? '')
  && /deep\.c:22:/.test(f[7] ?? ''), 'each frame of the program has its file:line (deep.c:15, 17, 18, 22)', r.stderr);

r = run(g, [], { WASIP2_BACKTRACE: '0' });
check(r.status === 134 && r.stderr === 'wasip2-run: trap: integer divide by zero\n', 'WASIP2_BACKTRACE=0: the trap line only', r.stderr);

r = run(g, ['abort']);
check(r.status === 134 && r.stderr.startsWith('wasip2: terminated by signal: Aborted\nwasm backtrace:\n') && !/trap:/.test(r.stderr)
  && names(r.stderr).slice(0, 5).join(' ') === 'abort inner middle outer main', 'abort(): status 134, its line, a backtrace from abort', r.stderr);

r = run(g, ['assert']);
check(r.status === 134 && r.stderr.startsWith("deep-g.wasm: " + join(ROOT, 'test/trap/deep.c') + ":13: inner: Assertion `a < 0' failed.\n")
  && names(r.stderr).slice(0, 3).join(' ') === 'abort __assert_fail inner', "failed assert: glibc's message, then abort's backtrace", r.stderr);

r = run(g, ['unreachable']);
check(r.status === 134 && /^wasip2-run: trap: .*unreachable.*\n/.test(r.stderr) && names(r.stderr)[0] === 'inner', '__builtin_trap: trap: unreachable, from inner', r.stderr);

const o2 = cc('deep-o2', ['-O2']);
r = run(o2, []);
check(r.status === 134 && names(r.stderr).slice(0, 4).join(' ') === 'inner middle outer main' && !/^\s+at /m.test(r.stderr),
  '-O2 without -g: the function names, no file:line', r.stderr);

const stripped = cc('deep-s', ['-O2', '-s']);
r = run(stripped, []);
check(r.status === 134 && /wasm backtrace:\n\s+0: 0x[0-9a-f]+ - <wasm function \d+>/.test(r.stderr), '-s: frames without names, by index', r.stderr);

const pt = cc('deep-pthread', ['-O2', '-pthread']);
r = run(pt, ['abort']);
check(r.status === 134 && names(r.stderr)[0] === 'abort' && names(r.stderr).includes('__wasip2_run'),
  '-pthread (Asyncify) build: abort backtrace with names', r.stderr);

const p1 = cc('deep-p1', ['-O2', '-Wl,--wasi-p1-adapter']);
r = run(p1, []);
check(r.status === 134 && names(r.stderr).slice(0, 4).join(' ') === 'inner middle outer main', 'preview1-adapter build: the same frames', r.stderr);

// an uncaught C++ exception: libc++abi's terminate, then abort's backtrace from the throw
import { writeFileSync } from 'node:fs';
const cpp = join(dir, 'throw.cpp');
writeFileSync(cpp, '#include <stdexcept>\n__attribute__((noinline)) static void thrower(int x) { if (x) throw std::runtime_error("boom"); }\n'
  + 'int main(int argc, char **) { thrower(argc); return 0; }\n');
const cxx = spawnSync('clang++-22', ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build/sysroot')}`, '-O1', '-g', cpp, '-o', join(dir, 'throw.wasm')],
  { encoding: 'utf8', env: { ...process.env, PATH } });
if (cxx.status !== 0) check(false, 'C++ throw program builds', cxx.stderr);
else {
  r = run(join(dir, 'throw.wasm'), []);
  const n = names(r.stderr);
  check(r.status === 134 && /terminate: C\+\+ exception of type std::runtime_error/.test(r.stderr) && n[0] === 'abort'
    && n.includes('__cxa_throw') && n.some((x) => x.startsWith('thrower')) && /throw\.cpp:2:/.test(r.stderr),
  'uncaught C++ exception: terminate line, backtrace through __cxa_throw to thrower (throw.cpp:2)', r.stderr);
}

console.log(failed ? `${failed} failed` : 'all backtrace checks passed');
process.exit(failed ? 1 : 0);
