// The deterministic headline figures of `make bench` (docs/benchmarks.md), held to their
// budgets so a change that loses them fails `make check`:
//   - bench/hello.c: <= 30,000 bytes at -O2, <= 20,000 at -Oz -Wl,--strip-all;
//   - bench/file_copy.c at -O2 -Wl,--strip-all: no bigger than upstream wasi-libc's 57,617;
//   - file_copy (and test/mem/small_alloc.c) link no dlmalloc: they never call malloc;
//   - libc.a carries no DWARF (no .debug_* section in any member);
//   - printf to a pipe reaches the API minimum: the first line (stdio writes it at once,
//     as the C library always has), then one blocking-write-and-flush per 4096 bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, LIBDIR, CLANG } from '../build/lib.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-budgets-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
let failed = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`); if (!ok) failed++; };

function build(name, flags) {
  const out = path.join(tmp, `${name}${flags.join('').replace(/[^A-Za-z0-9]/g, '')}.wasm`);
  const r = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, ...flags, path.join(ROOT, 'bench', `${name}.c`), '-o', out], { env, encoding: 'utf8' });
  if (r.status !== 0) { check(false, `bench/${name}.c ${flags.join(' ')} builds`, r.stderr); return null; }
  return out;
}
for (const [name, flags, budget] of [
  ['hello', ['-O2'], 30000],
  ['hello', ['-Oz', '-Wl,--strip-all'], 20000],
  ['file_copy', ['-O2', '-Wl,--strip-all'], 57617],
]) {
  const f = build(name, flags);
  if (!f) continue;
  const n = fs.statSync(f).size;
  check(n <= budget, `${name}.c ${flags.join(' ')}: ${n.toLocaleString('en-US')} bytes <= ${budget.toLocaleString('en-US')}`);
}

// file_copy and test/mem/small_alloc.c call no malloc themselves: the bottom half's small block
// allocator serves open() & co. (src/mem/alloc.c), so dlmalloc must not be linked at all (and
// small_alloc.c really tests that allocator)
for (const src of ['bench/file_copy.c', 'test/mem/small_alloc.c']) {
  const r = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', `-I${ROOT}/test/include`, '-Wl,--trace-symbol=malloc',
    path.join(ROOT, src), '-o', path.join(tmp, 'trace.wasm')], { env, encoding: 'utf8' });
  const out = (r.stdout || '') + (r.stderr || '');
  check(r.status === 0 && /undefined_weak:malloc/.test(out) && !/\.o\): definition of malloc/.test(out),
    `${src} links no malloc (dlmalloc)`, out);
}

const od = spawnSync('llvm-objdump-22', ['-h', path.join(LIBDIR, 'libc.a')], { encoding: 'utf8', maxBuffer: 256 << 20 });
if (od.status === 0) check(!/\.debug_/.test(od.stdout), 'libc.a: no .debug_* sections');
else check(false, 'llvm-objdump-22 -h libc.a runs', od.stderr);

const pl = build('printf_lines', ['-O2']);
if (pl) {
  for (const n of [100, 1000]) {
    const calls = path.join(tmp, `calls${n}.json`);
    const r = spawnSync(path.join(ROOT, 'build/bin/wasip2-run'), ['--count-calls', calls, pl, String(n)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    let expect = 'first line\n';
    for (let i = 0; i < n; i++) expect += `line ${i}: the quick brown fox jumps over the lazy dog\n`;
    check(r.status === 0 && r.stdout === expect, `printf_lines ${n}: output intact`, r.stderr);
    const c = JSON.parse(fs.readFileSync(calls, 'utf8'));
    const writes = c['wasi:io/streams@0.2.0#[method]output-stream.blocking-write-and-flush'];
    const want = 1 + Math.ceil((expect.length - 'first line\n'.length) / 4096);
    check(writes === want, `printf_lines ${n} to a pipe: ${writes} blocking-write-and-flush for ${expect.length} bytes (minimum ${want})`);
  }
}
process.exit(failed ? 1 : 0);
