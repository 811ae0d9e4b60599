// Builds path_utf8.c and runs it three ways under --check-leaks: the whole test (every path
// call family gets EILSEQ for 7 kinds of non-UTF-8 name; valid names work), then `base`
// (one valid stat) and `bad` (that stat, then all 308 failing calls) with --count-calls:
// the two counts must be identical, i.e. no failing call reached the host.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('utf8');
const wasm = join(dir, 'path_utf8.wasm');
let r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O2', `-I${join(ROOT, 'test/include')}`, join(ROOT, 'test/fs/path_utf8.c'), '-o', wasm], { encoding: 'utf8' });
if (r.status !== 0) { console.log(`FAIL build\n${r.stderr}`); process.exit(1); }
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failures++; };
function run(mode, counts) {
  const data = join(dir, `data-${mode}`);
  mkdirSync(data);
  const args = ['--check-leaks', '--dir', `${data}::/data`];
  if (counts) args.push('--count-calls', counts);
  return spawnSync(join(ROOT, 'build/bin/wasip2-run'), [...args, wasm, ...(mode === 'all' ? [] : [mode])], { encoding: 'utf8' });
}
r = run('all');
check(r.status === 0 && /EILSEQ each time/.test(r.stdout) && /passed: 0 failed/.test(r.stdout), 'every path call family: EILSEQ; valid UTF-8 names work', r.stdout + r.stderr);
const counts = {};
for (const mode of ['base', 'bad']) {
  const file = join(dir, `${mode}.json`);
  r = run(mode, file);
  check(r.status === 0 && r.stdout.includes(`${mode} ok`), `${mode} run`, r.stdout + r.stderr);
  counts[mode] = r.status === 0 ? JSON.parse(readFileSync(file, 'utf8')) : {};
}
const keys = new Set([...Object.keys(counts.base), ...Object.keys(counts.bad)]);
const diff = [...keys].filter((k) => (counts.base[k] || 0) !== (counts.bad[k] || 0)).map((k) => `  ${k}: ${counts.base[k] || 0} -> ${counts.bad[k] || 0}`);
const total = (c) => Object.values(c).reduce((a, b) => a + b, 0);
check(diff.length === 0 && total(counts.base) > 0, `host calls: ${total(counts.base)} with one valid stat, ${total(counts.bad)} after the failing calls too`, diff.join('\n'));
process.exit(failures ? 1 : 0);
