// The core-ABI lowering of the hot descriptor calls (tools/lib/glue-fast.mjs + native-host.mjs
// `_wasip2Raw`): raw_fs.c gives the same output, with the same host call counts, on the
// lowered path, on the glue's own path (WASIP2_RUN_RAW=0) and on preview2-shim (--host=shim),
// all under --check-leaks; the transpiled glue really has the six lowerings, and a component
// run against a glue whose lowering does not match the host (the shim) still works.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('raw');
const wasm = join(dir, 'raw_fs.wasm');
let r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O1', `-I${join(ROOT, 'test/include')}`, join(ROOT, 'test/host/raw_fs.c'), '-o', wasm], { encoding: 'utf8' });
if (r.status !== 0) { console.log(`FAIL build\n${r.stderr}`); process.exit(1); }
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failures++; };

// its own transpile cache, so the glue it made can be read back
const cache = join(dir, 'cache');
const runs = {};
for (const [mode, env, flags] of [['lowered', {}, []], ['glue', { WASIP2_RUN_RAW: '0' }, []], ['shim', {}, ['--host=shim']]]) {
  const data = join(dir, `data-${mode}`);
  mkdirSync(data);
  const counts = join(dir, `${mode}.json`);
  r = spawnSync(join(ROOT, 'build/bin/wasip2-run'), [...flags, '--check-leaks', '--count-calls', counts, '--dir', `${data}::/data`, wasm],
    { encoding: 'utf8', env: { ...process.env, ...env, XDG_CACHE_HOME: cache, WASIP2_RUN_HOST: '' } });
  check(r.status === 0 && /passed: 0 failed/.test(r.stdout), `${mode}: raw_fs.c passes, no leak`, r.stdout + r.stderr);
  runs[mode] = { out: r.stdout, calls: r.status === 0 ? JSON.parse(readFileSync(counts, 'utf8')) : {} };
}
for (const mode of ['glue', 'shim']) {
  check(runs[mode].out === runs.lowered.out, `${mode} output = lowered output`,
    runs[mode].out.split('\n').filter((l, i) => l !== runs.lowered.out.split('\n')[i]).slice(0, 5).join('\n'));
  const a = runs.lowered.calls, b = runs[mode].calls;
  const diff = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
  check(diff.length === 0 && Object.keys(a).length > 0, `${mode}: the same host calls, each as often`, diff.slice(0, 5).join('\n'));
}
const opens = Object.entries(runs.lowered.calls).find(([k]) => /#\[method\]descriptor\.open-at$/.test(k));
check(opens && opens[1] >= 3000, `open-at went through the counted import (${opens?.[1]} calls)`);

// the glue of this component: the six calls are lowered to the host's raw functions
const root = join(cache, 'wasip2-run');
const glues = readdirSync(root).filter((d) => !d.startsWith('.')).map((d) => readFileSync(join(root, d, 'component.js'), 'utf8'));
check(glues.length === 1, `one cached glue (${glues.length})`);
for (const m of ['statAt', 'metadataHashAt', 'stat', 'metadataHash', 'openAt', 'read']) {
  check(glues.some((g) => g.includes(`._wasip2Raw?.${m};`)), `glue lowers descriptor.${m}`);
}
process.exit(failures ? 1 : 0);
