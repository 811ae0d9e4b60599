// Linux is the oracle for two header-only pieces: sysmacros.c prints the
// same dev_t numbers when built by gcc (glibc's <sys/sysmacros.h>) and by
// us; queue.c's list checks pass when built by gcc against glibc's
// <sys/queue.h> (the macros both have) and as a component against ours.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
if (spawnSync('sh', ['-c', 'command -v gcc']).status !== 0) { console.log('gcc not found'); process.exit(77); }
const dir = mkdtempSync(join(tmpdir(), 'wasip2-misc-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : '\n' + detail}`); if (!ok) failures++; };
function both(name) {
  const src = join(ROOT, 'test/misc', name);
  const exe = join(dir, name + '.native'), wasm = join(dir, name + '.wasm');
  const g = spawnSync('gcc', ['-O2', `-I${ROOT}/test/include`, src, '-o', exe], { encoding: 'utf8' });
  const c = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', `-I${ROOT}/test/include`, src, '-o', wasm], { encoding: 'utf8', env });
  if (g.status || c.status) { check(false, `${name} builds`, g.stderr + c.stderr); return null; }
  return [spawnSync(exe, [], { encoding: 'utf8' }), spawnSync(join(BIN, 'wasip2-run'), ['--check-leaks', wasm], { encoding: 'utf8' })];
}
let r = both('sysmacros.c');
if (r) {
  const [n, w] = r;
  check(n.status === 0 && w.status === 0 && n.stdout === w.stdout,
    `sysmacros.c: ${n.stdout.split('\n').length - 1} lines identical to glibc's`, `native:\n${n.stdout}\nwasm:\n${w.stdout}${w.stderr}`);
}
r = both('queue.c');
if (r) {
  const [n, w] = r;
  check(n.status === 0, `queue.c against glibc's <sys/queue.h>: ${n.stdout.trim()}`, n.stdout);
  check(w.status === 0, `queue.c against ours: ${w.stdout.trim()}`, w.stdout + w.stderr);
}
process.exit(failures ? 1 : 0);
