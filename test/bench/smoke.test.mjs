//! timeout: 300
// Smoke test of the benchmarks (`make check`): every bench/*.c program must still build,
// natively and as a component, and run one short iteration. It measures nothing; it only
// keeps `make bench` from rotting between runs.
//! timeout: 300
//
// It builds 12 programs twice and runs each, plus wrk against the HTTP server: on a loaded
// machine that takes more than the harness's default minute.
//! timeout: 300
//
// Exit 0: everything built and ran. 77 (skip): some program needs a libc layer that has
// not landed yet (the reason names the layer and the missing functions). Else: failure.
//! timeout: 300
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
// The host-call counts docs/benchmarks.md claims are asserted here, so a regression fails
// `make check` instead of only moving a bench figure. Each is the most the row may cost
// (improving one means lowering its entry) and at least the API minimum (a smaller figure
// means the counter, not the code, is broken). poll's count ("1 per poll, one ready") is
// asserted by test/net/epoll_calls.test.mjs with a socket known to be ready: the bench's
// short smoke run cannot promise the echo is back before its poll under load.
const CLAIMED = {
  'hello world, whole run': 4,
  'TCP send+recv round trip, 64 B (blocking)': 2,
  'open() + read() 4 KiB + close()': 3,
  'stat()': 2,
};
function checkCounts() {
  let rows;
  try {
    rows = JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'bench-smoke', 'results.json'), 'utf8')).rows;
  } catch (e) {
    console.log(`no build/bench-smoke/results.json: ${e.message}`);
    return false;
  }
  let ok = true;
  for (const [name, most] of Object.entries(CLAIMED)) {
    const row = rows.find((x) => x.section === 'host calls' && x.name === name);
    const good = row && typeof row.value === 'number' && row.value <= most + 1e-9 && row.value >= row.api_minimum - 1e-9;
    console.log(`${good ? 'ok  ' : 'FAIL'} host calls, ${name}: ${row ? row.value : 'missing'} (claimed ${most}, API minimum ${row ? row.api_minimum : '?'})`);
    ok &&= !!good;
  }
  return ok;
}
if (r.status === 0) {
  const counted = checkCounts();
  console.log('all benchmark programs built and ran one short iteration');
  process.exit(counted ? 0 : 1);
}
if (r.status === 77) {
  console.log(verdict.join('\n').replace(/^SKIP /, '') || 'skipped');
  process.exit(77);
}
console.log(verdict.join('\n') || `bench/run.mjs --smoke exited ${r.status}`);
console.log((r.stderr || '').trim().split('\n').slice(-20).join('\n'));
process.exit(1);
