// fts(3) against Linux: fts_walk.c built by gcc (glibc's fts) and as a
// component walk two identical trees (files, an empty and a nested
// directory, a symlink to a directory, a dangling one, a link back to an
// ancestor) in ten modes (physical/logical, sorted or readdir order,
// FTS_SEEDOT, FTS_SKIP, FTS_FOLLOW, several roots with a missing one, a
// symlink root with and without FTS_COMFOLLOW, FTS_NOSTAT) plus
// fts_children and bad arguments; every printed line must agree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
if (spawnSync('sh', ['-c', 'command -v gcc']).status !== 0) { console.log('gcc not found'); process.exit(77); }
const dir = mkdtempSync(join(tmpdir(), 'wasip2-fts-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
function tree(top) {
  const t = join(top, 't');
  mkdirSync(join(t, 'a', 'sub'), { recursive: true });
  mkdirSync(join(t, 'a', 'empty'));
  writeFileSync(join(t, 'a', 'f1'), 'one');
  writeFileSync(join(t, 'a', 'f2'), 'second file');
  writeFileSync(join(t, 'a', 'sub', 'deep'), 'x'.repeat(100));
  writeFileSync(join(t, 'z.txt'), 'zz');
  writeFileSync(join(t, '.hidden'), '');
  symlinkSync('a', join(t, 'b'));
  symlinkSync('nowhere', join(t, 'dangling'));
  symlinkSync('..', join(t, 'a', 'loop'));
}
const src = join(ROOT, 'test/fs/fts_walk.c');
const exe = join(dir, 'walk'), wasm = join(dir, 'walk.wasm');
const g = spawnSync('gcc', ['-O2', `-I${ROOT}/test/include`, src, '-o', exe], { encoding: 'utf8' });
const c = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', `-I${ROOT}/test/include`, src, '-o', wasm], { encoding: 'utf8', env });
if (g.status || c.status) { console.log('FAIL build\n' + g.stderr + c.stderr); process.exit(1); }
const nat = join(dir, 'native'), wd = join(dir, 'wasm');
mkdirSync(nat);
mkdirSync(wd);
tree(nat);
tree(wd);
const n = spawnSync(exe, [nat], { encoding: 'utf8', cwd: nat });
const w = spawnSync(join(BIN, 'wasip2-run'), ['--check-leaks', '--dir', `${wd}::/data`, wasm, '/data'], { encoding: 'utf8' });
const nl = n.stdout.split('\n'), wl = w.stdout.split('\n');
let diffs = 0;
for (let i = 0; i < Math.max(nl.length, wl.length); i++) {
  if (nl[i] !== wl[i]) {
    if (diffs++ < 30) console.log(`line ${i + 1}\n  native: ${nl[i]}\n  wasm:   ${wl[i]}`);
  }
}
const walks = nl.filter((l) => l.startsWith('== ')).length;
if (n.status === 0 && w.status === 0 && diffs === 0) {
  console.log(`ok   ${walks} walks, ${nl.length - 1} lines identical to glibc's fts`);
  process.exit(0);
}
console.log(`FAIL ${diffs} lines differ (status native ${n.status}, wasm ${w.status})\n${w.stderr}`);
process.exit(1);
