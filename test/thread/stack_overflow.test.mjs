// A -pthread program whose thread overflows its stack traps with wasip2-run's "stack
// overflow" message (exit 134) instead of overwriting the heap next to the stack: the link
// bounds-checks every stack-pointer store against the running thread's stack
// (tools/lib/stack-check.mjs, src/thread/coop/stack.c).  Checked for a 64 KiB and a 1 MiB
// thread stack and for main's own stack in the same kind of build; a thread that stays
// within its stack (the coop_stack test) is unaffected.
//! timeout: 180
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const dir = mkdtempSync(join(tmpdir(), 'wasip2-stackov-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-1500)}`}`);
  if (!ok) failures++;
};

const wasm = join(dir, 'so.wasm');
const cc = spawnSync(join(BIN, 'wasip2-cc'), ['-pthread', '-O2', '-I', join(ROOT, 'test/include'),
  join(ROOT, 'test/thread/fixtures/stack_overflow.c'), '-o', wasm], { encoding: 'utf8' });
check(cc.status === 0, 'stack_overflow.c links with -pthread', cc.stderr);
if (cc.status !== 0) process.exit(1);

for (const [arg, what] of [['65536', 'a 64 KiB thread stack'], ['1048576', 'a 1 MiB thread stack'], ['0', 'main\'s stack']]) {
  const r = spawnSync(join(BIN, 'wasip2-run'), [wasm, arg], { encoding: 'utf8' });
  check(r.status === 134, `overflow of ${what}: exit 134`, `status ${r.status}\n${r.stderr}`);
  check(/^wasip2-run: trap: stack overflow/m.test(r.stderr), `overflow of ${what}: "stack overflow" message`, r.stderr);
  check(/recursing in/.test(r.stdout) && !/not reached/.test(r.stdout), `overflow of ${what}: ran, then stopped at the overflow`, r.stdout);
}
process.exit(failures ? 1 : 0);
