// setjmp/longjmp with the default flags gives the standard exception-handling encoding only.
// Programs built by build/bin/wasip2-cc with no option (nested and cross-frame longjmps, a
// longjmp out of a signal handler, setjmp in -pthread threads): each core module, decoded in
// full, has no legacy try/catch/catch_all/delegate/rethrow, has try_table and a tag section;
// each runs on wasip2-run (Node 20: translated to the legacy encoding at load) with the same
// output as its gcc build; `wasm-tools validate` accepts it with only standardised features
// (wasm 3.0 + the component model) and wasmtime runs it, when those tools are installed.
// Then: objects compiled without the options (an old object, another SDK's) link with ours; a
// legacy-encoded object linked with a standard one runs; a component with its own setjmp
// runtime and no libc (as upstream's toolchain makes them), in the standard encoding, runs.
//! timeout: 600
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT, skip } from '../build/lib.mjs';
import { harness } from './lib.mjs';
import { coreModules, scanModule, usesLegacy } from '../../tools/lib/eh-scan.mjs';

const BIN = join(ROOT, 'build/bin');
const CC = join(BIN, 'wasip2-cc');
const RUN = join(BIN, 'wasip2-run');
if (!existsSync(CC) || !existsSync(RUN)) skip('build/bin not built (make all)');
const { tmp, env, sh, out, check, failures } = harness('stdeh');
const WASM_TOOLS = join(homedir(), '.cargo/bin/wasm-tools');
const WASMTIME = join(homedir(), '.cargo/bin/wasmtime');
const INC = `-I${join(ROOT, 'test/include')}`;

// the main core module's scan (the one with code: the others are the component's shims)
function mainScan(file) {
  const scans = coreModules(readFileSync(file)).map(scanModule);
  return { main: scans.reduce((a, b) => (b.functions > a.functions ? b : a)), all: scans };
}

function standardOnly(name, wasm) {
  const { main, all } = mainScan(wasm);
  check(!all.some(usesLegacy) && main.standard.try_table > 0 && main.tagSection,
    `${name}: no legacy EH opcode (0x06 try, 0x07 catch, 0x19 catch_all, 0x18 delegate, 0x09 rethrow); try_table and a tag section present`,
    JSON.stringify(main));
  if (existsSync(WASM_TOOLS)) {
    const v = sh(WASM_TOOLS, ['validate', '--features=wasm3,component-model', wasm]);
    check(v.status === 0, `${name}: wasm-tools validate --features=wasm3,component-model`, out(v));
  } else console.log(`skip ${name}: wasm-tools validate (no ~/.cargo/bin/wasm-tools)`);
}

const programs = [
  ['nested.c', []],
  ['signal_jump.c', []],
  ['../thread/coop_setjmp.c', ['-pthread']],
];
for (const [src, flags] of programs) {
  const name = src.replace(/.*\//, '');
  const file = join(ROOT, 'test/setjmp', src);
  const wasm = join(tmp, name.replace(/\.c$/, '.wasm'));
  const c = sh(CC, ['-O2', INC, ...flags, file, '-o', wasm]);
  check(c.status === 0, `${name}: builds with wasip2-cc and no setjmp option`, out(c));
  if (c.status !== 0) continue;
  standardOnly(name, wasm);
  const r = sh(RUN, ['--check-leaks', wasm]);
  const native = join(tmp, name.replace(/\.c$/, '.native'));
  const g = sh('gcc', ['-O2', INC, ...flags, file, '-o', native]);
  const n = g.status === 0 ? sh(native, []) : null;
  check(r.status === 0 && (!n || (n.status === 0 && n.stdout === r.stdout)),
    `${name}: runs on wasip2-run${n ? ', output identical to its gcc build' : ''}`, `${out(r)}\n--- native:\n${n ? out(n) : out(g)}`);
  if (existsSync(WASMTIME)) {
    // nested.c recurses 10,000 frames deep: more than wasmtime's default 512 KiB wasm stack
    // (Node's is larger), so give it 8 MiB
    const w = sh(WASMTIME, ['run', '-W', 'exceptions=y', '-W', 'max-wasm-stack=8388608', wasm]);
    check(w.status === 0 && w.stdout === r.stdout, `${name}: runs on wasmtime, same output`, out(w));
  } else console.log(`skip ${name}: wasmtime run (no ~/.cargo/bin/wasmtime)`);
}

// objects with and without the options in one link
writeFileSync(join(tmp, 'helper.c'), 'int helper(int x) { return x * 3; }\n');
writeFileSync(join(tmp, 'legacy.c'), '#include <setjmp.h>\nint legacy_jump(int v) { jmp_buf b; int r = setjmp(b); if (r) return r; longjmp(b, v); }\n');
writeFileSync(join(tmp, 'main.c'), `#include <setjmp.h>
#include <stdio.h>
int helper(int); int legacy_jump(int);
static jmp_buf top;
static void down(int n) { if (!n) longjmp(top, helper(14)); down(n - 1); }
int main(void) {
  int r = setjmp(top);
  if (!r) down(100);
  printf("%d %d\\n", r, legacy_jump(5));
  return r == 42 && legacy_jump(5) == 5 ? 0 : 1;
}
`);
const plainClang = ['--no-default-config', '--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', '-c'];
let c = sh('clang-22', [...plainClang, join(tmp, 'helper.c'), '-o', join(tmp, 'helper.o')]);
c = c.status ? c : sh('clang-22', [...plainClang, '-mllvm', '-wasm-enable-sjlj', join(tmp, 'legacy.c'), '-o', join(tmp, 'legacy.o')]);
c = c.status ? c : sh(CC, ['-O2', '-c', join(tmp, 'main.c'), '-o', join(tmp, 'main.o')]);
c = c.status ? c : sh(CC, [join(tmp, 'main.o'), join(tmp, 'helper.o'), join(tmp, 'legacy.o'), '-o', join(tmp, 'mixed.wasm')]);
check(c.status === 0, 'an object without the options and a legacy-encoded one link with a default one', out(c));
if (c.status === 0) {
  const r = sh(RUN, [join(tmp, 'mixed.wasm')]);
  check(r.status === 0 && r.stdout === '42 5\n', 'the mixed program runs on wasip2-run (both encodings in one module)', out(r));
}

// a component with no libc and its own setjmp runtime, standard encoding (upstream's kind)
const { SJLJ_RT, compile, makeTestWit, sjljProgram } = await import('../tools/fixtures.mjs');
const RT = SJLJ_RT;
const SRC = sjljProgram(1000);
const STD = ['-mllvm', '-wasm-enable-sjlj', '-mllvm', '-wasm-use-legacy-eh=false'];
writeFileSync(join(tmp, 'rt.c'), RT);
c = sh('clang-22', ['--no-default-config', '--target=wasm32-wasip2', '-O2', '-c', join(tmp, 'rt.c'), '-o', join(tmp, 'rt.o')]);
const built = c.status ? c : compile(tmp, makeTestWit(tmp), SRC, 'nolibc.wasm', [...STD, join(tmp, 'rt.o')]);
check(built.status === 0, 'a libc-less component with its own setjmp runtime builds (standard encoding)', out(built));
if (built.status === 0) {
  const scan = mainScan(built.path).main;
  check(!usesLegacy(scan) && scan.standard.try_table > 0, 'the libc-less component uses the standard encoding only', JSON.stringify(scan));
  const r = sh(RUN, ['--check-leaks', built.path]);
  check(r.status === 0 && r.stdout === '1000 longjmps ok\n', 'the libc-less component runs on wasip2-run', out(r));
}
process.exit(failures() ? 1 : 0);
