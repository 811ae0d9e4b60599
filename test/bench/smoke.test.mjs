// Smoke test of the benchmarks (`make check`): every bench/*.c program must still build,
// natively and as a component, and run one short iteration. It measures nothing; it only
// keeps `make bench` from rotting between runs.
//
// It builds 12 programs twice and runs each, plus wrk against the HTTP server: on a loaded
// machine that takes more than the harness's default minute.
//! timeout: 300
//
// Exit 0: everything built and ran. 77 (skip): some program needs a libc layer that has
// not landed yet (the reason names the layer and the missing functions). Else: failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.mjs'), '--smoke'], {
  cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20,
});
if (r.error) {
  console.log(`bench/run.mjs --smoke could not run: ${r.error.message}`);
  process.exit(1);
}
// run.mjs prints the tables, then its verdict lines (FAIL.../SKIP...) last
const verdict = r.stdout.split('\n').filter((l) => /^(FAIL|SKIP) /.test(l));
if (r.status === 0) {
  console.log('all benchmark programs built and ran one short iteration');
  process.exit(0);
}
if (r.status === 77) {
  console.log(verdict.join('\n').replace(/^SKIP /, '') || 'skipped');
  process.exit(77);
}
console.log(verdict.join('\n') || `bench/run.mjs --smoke exited ${r.status}`);
console.log((r.stderr || '').trim().split('\n').slice(-20).join('\n'));
process.exit(1);
