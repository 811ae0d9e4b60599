//! timeout: 300
// Linux as the oracle: each program below is built twice, with gcc for this
// machine and with our toolchain for wasm32-wasip2 (run by wasip2-run
// --check-leaks), and both builds must exit 0 and print the same lines.
// The programs print values that differ between the ABIs by name (oracle.h).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROGRAMS = ['eventfd.c', 'socketpair.c', 'epoll.c', '../net/dual_stack.c'];

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const BIN = join(ROOT, 'build', 'bin');
const RUNNER = join(BIN, 'wasip2-run');
const CLANG = process.env.CLANG || 'clang-22';
const GCC = process.env.GCC || 'gcc';
if (!existsSync(RUNNER)) { console.log('skip: build/bin/wasip2-run not built'); process.exit(77); }
const only = process.argv.slice(2);
const tmp = mkdtempSync(join(tmpdir(), 'wasip2-oracle-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 120000, maxBuffer: 64 << 20 });

let failures = 0;
for (const prog of PROGRAMS.filter((p) => !only.length || only.includes(p))) {
  const src = join(HERE, prog);
  const base = prog.replace(/.*\//, '');
  const nat = join(tmp, base + '.native');
  const wasm = join(tmp, base + '.wasm');
  const g = run(GCC, ['-O2', '-Wall', '-D_GNU_SOURCE', `-I${ROOT}/test/include`, src, '-o', nat]);
  if (g.status !== 0) { console.log(`FAIL ${prog}: gcc:\n${g.stderr}`); failures++; continue; }
  const c = run(CLANG, ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build', 'sysroot')}`, '-O2', '-D_GNU_SOURCE', `-I${ROOT}/test/include`, src, '-o', wasm]);
  if (c.status !== 0) { console.log(`FAIL ${prog}: clang:\n${c.stderr}`); failures++; continue; }
  // argv[1]: a scratch directory (the same host folder, preopened for the wasm run)
  const dir = mkdtempSync(join(tmp, 'dir-'));
  const n = run(nat, [dir]);
  const w = run(RUNNER, ['--check-leaks', '--dir', `${dir}::/scratch`, wasm, '/scratch']);
  const nl = n.stdout.split('\n');
  const wl = w.stdout.split('\n');
  let same = nl.length === wl.length && nl.every((l, i) => l === wl[i]);
  if (n.status !== 0) { console.log(`FAIL ${prog}: native run exited ${n.status}\n${n.stdout}${n.stderr}`); failures++; continue; }
  if (w.status !== 0) { console.log(`FAIL ${prog}: wasm run exited ${w.status}\n${w.stdout}${w.stderr}`); failures++; continue; }
  if (!same) {
    failures++;
    console.log(`FAIL ${prog}: outputs differ (native | wasm)`);
    for (let i = 0; i < Math.max(nl.length, wl.length); i++)
      if (nl[i] !== wl[i]) console.log(`  line ${i + 1}: ${JSON.stringify(nl[i])} | ${JSON.stringify(wl[i])}`);
    continue;
  }
  console.log(`ok   ${prog}: ${nl.length - 1} lines identical on Linux and wasm32-wasip2`);
}
process.exit(failures ? 1 : 0);
