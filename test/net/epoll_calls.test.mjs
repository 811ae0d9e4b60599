//! timeout: 180
// Host-call cost of epoll_wait (wasip2-run --count-calls), from two runs of
// epoll_calls.c that differ only in the number of waits, so setup cancels:
// an epoll_wait over 17 registered sockets with nothing ready is exactly one
// host call (wasi:io/poll.poll); a blocking epoll_wait that data wakes is one
// poll call too, next to the send and recv of the byte; and poll() over the same
// sockets with one ready is exactly one host call (the headline poll count).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const BIN = join(ROOT, 'build', 'bin');
const RUNNER = join(BIN, 'wasip2-run');
if (!existsSync(RUNNER)) { console.log('skip: build/bin/wasip2-run not built'); process.exit(77); }
const tmp = mkdtempSync(join(tmpdir(), 'wasip2-epollcalls-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
const wasm = join(tmp, 'epoll_calls.wasm');
const cc = spawnSync(process.env.CLANG || 'clang-22', ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build', 'sysroot')}`, `-I${ROOT}/test/include`,
  '-O2', join(HERE, 'epoll_calls.c'), '-o', wasm], { encoding: 'utf8', env });
if (cc.status !== 0) { console.log(`FAIL cannot build epoll_calls.c:\n${cc.stderr}`); process.exit(1); }

function calls(mode, k) {
  const f = join(tmp, `${mode}-${k}.json`);
  const r = spawnSync(RUNNER, ['--check-leaks', '--count-calls', f, wasm, mode, String(k)], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) { console.log(`FAIL epoll_calls ${mode} ${k} exited ${r.status}: ${r.stdout}${r.stderr}`); process.exit(1); }
  return JSON.parse(readFileSync(f, 'utf8'));
}

let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };
for (const mode of ['idle', 'wake', 'poll']) {
  const a = calls(mode, 10), b = calls(mode, 60);
  const diff = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (b[key] || 0) - (a[key] || 0);
    if (d) diff[key] = d / 50;
  }
  const polls = diff['wasi:io/poll@0.2.0#poll'] || 0;
  const total = Object.values(diff).reduce((x, y) => x + y, 0);
  console.log(`${mode}: per epoll_wait round ${JSON.stringify(diff)}`);
  check(polls === 1, `${mode}: one wasi:io/poll.poll per epoll_wait (got ${polls})`);
  if (mode === 'idle') check(total === 1, `idle: nothing but that one host call (got ${total})`);
  else if (mode === 'poll') check(total === 1, `poll() over 17 sockets, one ready: exactly one host call (got ${total})`);
  else check(total <= 3, `wake: send + poll + recv, at most 3 host calls per round (got ${total})`);
}
process.exit(failures ? 1 : 0);
