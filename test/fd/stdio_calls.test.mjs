// Host calls (wasip2-run --count-calls) of programs that never touch stdin:
// fds 0-2 are reserved without asking the host, so opening a file asks for
// no stdio stream, and a stream is fetched only by the fd that uses it.
// Exact counts, from stdio_calls.c's modes (each run also reads its
// arguments: one get-arguments call, counted below):
//   open        7: initial-cwd, get-directories, open-at, stat, metadata-hash,
//                  and the drops of the file and the preopen (13 before: the
//                  three get-std* calls and their three drops came with open)
//   stdout      3: get-stdout, blocking-write-and-flush, its drop
//   open-write  8: the open's 5 (no stat) and stdout's 3 (12 before)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir, skip } from '../tools/fixtures.mjs';

const RUNNER = join(ROOT, 'build/bin/wasip2-run');
if (!existsSync(RUNNER)) skip('build/bin/wasip2-run not built');
const dir = tempDir('stdiocalls');
const wasm = join(dir, 'stdio_calls.wasm');
let r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O2', `-I${join(ROOT, 'test/include')}`, join(ROOT, 'test/fd/stdio_calls.c'), '-o', wasm], { encoding: 'utf8' });
if (r.status !== 0) { console.log(`FAIL build\n${r.stderr}`); process.exit(1); }
const data = join(dir, 'data');
mkdirSync(data);
writeFileSync(join(data, 'f'), 'hello\n');

let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failures++; };
const STDIO = ['wasi:cli/stdin@0.2.0#get-stdin', 'wasi:cli/stdout@0.2.0#get-stdout', 'wasi:cli/stderr@0.2.0#get-stderr'];
const EXPECT = {
  open: { total: 1 + 7, streams: [] },
  stdout: { total: 1 + 3, streams: ['wasi:cli/stdout@0.2.0#get-stdout'] },
  'open-write': { total: 1 + 8, streams: ['wasi:cli/stdout@0.2.0#get-stdout'] },
};
// the whole program first (it is a helper of this test, so the harness does not run it)
const whole = join(dir, 'whole');
mkdirSync(whole);
r = spawnSync(RUNNER, ['--check-leaks', '--dir', `${whole}::/data`, wasm], { encoding: 'utf8' });
check(r.status === 0 && /passed: 0 failed/.test(r.stdout), 'stdio_calls.c: fds 0-2 reserved, fstat(0)/fcntl(1)/dup(2) work', r.stdout + r.stderr);
for (const [mode, want] of Object.entries(EXPECT)) {
  const file = join(dir, `${mode}.json`);
  r = spawnSync(RUNNER, ['--check-leaks', '--dir', `${data}::/data`, '--count-calls', file, wasm, mode], { encoding: 'utf8' });
  if (r.status !== 0) { check(false, `${mode} runs`, r.stdout + r.stderr); continue; }
  const c = JSON.parse(readFileSync(file, 'utf8'));
  const used = Object.entries(c).filter(([, n]) => n > 0);
  const total = used.reduce((a, [, n]) => a + n, 0);
  const detail = used.map(([k, n]) => `  ${k}: ${n}`).join('\n');
  const streams = STDIO.filter((k) => c[k]);
  check(streams.join() === want.streams.join() && want.streams.every((k) => c[k] === 1),
    `${mode}: stdio streams fetched: ${streams.length ? streams.map((k) => k.split('#')[1]).join(', ') : 'none'}`, detail);
  check(total === want.total, `${mode}: ${total} host calls (want ${want.total})`, detail);
}
process.exit(failures ? 1 : 0);
