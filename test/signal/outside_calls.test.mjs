//! timeout: 180
// What signals from outside cost in host calls (wasip2-run --count-calls), from runs of
// outside_calls.c: a program that installs no handler for a signal we catch (only SIGPIPE
// ignored) makes no signal request at all; one with a SIGTERM handler pays the probe once
// (3 subscribe-duration: probe, wake, SIGTERM; 1 ready; the probe dropped, the other two at
// exit), and a zero-timeout poll() stays exactly one host call (the wake pollable rides in
// the same list).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, HERE, ROOT, RUNNER, signalTemp } from './lib.mjs';

const tmp = signalTemp('sigcalls');
const wasm = join(tmp, 'outside_calls.wasm');
const cc = spawnSync(join(BIN, 'wasip2-cc'), [`-I${ROOT}/test/include`, '-O2', join(HERE, 'outside_calls.c'), '-o', wasm], { encoding: 'utf8' });
if (cc.status !== 0) { console.log(`FAIL cannot build outside_calls.c:\n${cc.stderr}`); process.exit(1); }

function calls(mode, n) {
  const f = join(tmp, `${mode}-${n}.json`);
  const r = spawnSync(RUNNER, ['--check-leaks', '--count-calls', f, wasm, mode, String(n)], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) { console.log(`FAIL outside_calls ${mode} ${n} exited ${r.status}: ${r.stdout}${r.stderr}`); process.exit(1); }
  return JSON.parse(readFileSync(f, 'utf8'));
}
let failures = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures++; };
const SUB = 'wasi:clocks/monotonic-clock@0.2.0#subscribe-duration';
const READY = 'wasi:io/poll@0.2.0#[method]pollable.ready';
const POLL = 'wasi:io/poll@0.2.0#poll';
const total = (c) => Object.values(c).reduce((a, b) => a + b, 0);

const pipe = calls('pipe', 10), term = calls('term', 10), term60 = calls('term', 60), pipe60 = calls('pipe', 60);
check((pipe[SUB] || 0) === 0 && (pipe[READY] || 0) === 0, `SIGPIPE ignored only: no signal request (subscribe-duration ${pipe[SUB] || 0}, ready ${pipe[READY] || 0})`);
check(term[SUB] === 3 && term[READY] === 1, `a SIGTERM handler: the probe once (subscribe-duration ${term[SUB]}, want 3; ready ${term[READY]}, want 1)`);
check(total(term) - total(pipe) === 3 + 1 + 3, `the handler costs 7 host calls in all (got ${total(term) - total(pipe)})`);
check(term60[POLL] - term[POLL] === 50 && total(term60) - total(term) === 50, `poll(0) with the handler: 1 host call each (${total(term60) - total(term)} for 50)`);
check(total(pipe60) - total(pipe) === 50, `poll(0) without: 1 host call each (${total(pipe60) - total(pipe)} for 50)`);
process.exit(failures ? 1 : 0);
