// Tests of tools/wasm-component-ld, driven through clang-22 --target=wasm32-wasip2 (no libc).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRELUDE, RUNNER, compile, makeTestWit, skip, tempDir, which } from './fixtures.mjs';
import { wasmKind } from '../../tools/lib/wasm-info.mjs';

if (!which('clang-22')) skip('clang-22 not found');
if (!which('wasm-ld-22') && !which('wasm-ld')) skip('wasm-ld not found');

const dir = tempDir('linker');
const wit = makeTestWit(dir);
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}
// Links run by other tests at the same time use the shared temp dir: give
// this test's links a private one so the leftover check sees only ours.
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'linker-test-'));
const tmpBefore = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('wasm-component-ld-')));

const HELLO = PRELUDE + 'RUN { int h = get_stdout(); put(h, "hi\\n"); drop_out(h); return 0; }\n';
const t0 = performance.now();
let r = compile(dir, wit, HELLO, 'hello.wasm');
const linkMs = performance.now() - t0;
check(r.status === 0 && wasmKind(readFileSync(r.path)) === 'component',
  `hello: clang + wasm-component-ld make a component (${statSync(r.path).size} bytes, compile+link ${linkMs.toFixed(0)} ms)`, r.stderr);
const run = spawnSync(process.execPath, [RUNNER, r.path], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
check(run.status === 0 && run.stdout === 'hi\n', 'hello component runs', run.stderr);

r = compile(dir, wit, PRELUDE + 'int missing_fn(void); RUN { return missing_fn(); }\n', 'undef.wasm');
check(r.status !== 0 && /undefined symbol: missing_fn/.test(r.stderr) && !existsSync(r.path),
  'undefined symbol: link error naming it, no output', r.stderr);

const P1 = PRELUDE + '__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))'
  + ' int fdw(int, int, int, int);\nRUN { return fdw(1, 0, 0, 0); }\n';
r = compile(dir, wit, P1, 'p1.wasm');
check(r.status === 1 && /wasm-component-ld: error: imports wasi_snapshot_preview1\.fd_write; pass -Wl,--wasi-p1-adapter/.test(r.stderr),
  'preview1 import without --wasi-p1-adapter: clear error', r.stderr);
r = compile(dir, wit, P1, 'p1ok.wasm', ['-Wl,--wasi-p1-adapter']);
check(r.status === 0 && wasmKind(readFileSync(r.path)) === 'component', '-Wl,--wasi-p1-adapter composes jco\'s adapter', r.stderr);

r = compile(dir, wit, HELLO, 'nowit.wasm', ['-Wl,--wasip2-wit,' + join(dir, 'no-such-wit')]);
check(r.status === 1 && /wasm-component-ld: error: WIT folder not found/.test(r.stderr), '--wasip2-wit of a missing folder: clear error', r.stderr);

// Reactor: no run export -> world `reactor`; the runner says it has no run export.
r = compile(dir, wit, PRELUDE + '__attribute__((export_name("_initialize"))) void _initialize(void) {}\n', 'reactor.wasm', ['-Wl,--entry=_initialize']);
check(r.status === 0 && wasmKind(readFileSync(r.path)) === 'component', 'reactor (no run export) links as world reactor', r.stderr);
const rr = spawnSync(process.execPath, [RUNNER, r.path], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
check(rr.status === 2 && /does not export wasi:cli\/run/.test(rr.stderr), 'runner: reactor has no run export (clear message)', rr.stderr);

// Stack size: default 1 MiB (a 600 KB stack array works), a user -z stack-size wins (it traps).
const BIG = PRELUDE + '__attribute__((noinline)) static int use(volatile char *p) { p[0] = 1; p[599999] = 2; return p[0] + p[599999]; }\n'
  + 'RUN { volatile char big[600000]; return use(big) == 3 ? 0 : 1; }\n';
const runIt = (p) => spawnSync(process.execPath, [RUNNER, p], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
r = compile(dir, wit, BIG, 'bigstack.wasm');
let br = r.status === 0 ? runIt(r.path) : { status: -1, stderr: r.stderr };
check(br.status === 0, 'default stack is big enough for a 600 KB array', br.stderr);
r = compile(dir, wit, BIG, 'smallstack.wasm', ['-Wl,-z,stack-size=65536']);
br = r.status === 0 ? runIt(r.path) : { status: -1, stderr: r.stderr };
check(br.status === 134 && /trap/.test(br.stderr), 'user -z stack-size=65536 is honoured (same program traps)', br.stderr);

const leftovers = readdirSync(tmpdir()).filter((n) => n.startsWith('wasm-component-ld-') && !tmpBefore.has(n));
check(leftovers.length === 0, 'no temp files left behind', leftovers.join(' '));

console.log(failures ? `${failures} check(s) failed` : 'all linker checks passed');
process.exit(failures ? 1 : 0);
