// Exit statuses under wasip2-run. WASI 0.2.0's wasi:cli/exit (and run's result) carry only
// ok/err; our libc also records the C status and exports it from the core module as
// __wasip2_exit_status (outside the WIT world), and the runner reports it as a shell would
// (status & 0xff, 1 when that is 0 for a non-zero status). Components without the export
// (built elsewhere, here: hand-made without libc) still give 0/1.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRELUDE, ROOT, RUNNER, compile, makeTestWit, skip, tempDir, which } from '../tools/fixtures.mjs';
import { exitCodeFor, STATUS_NONE } from '../../tools/lib/host.mjs';

if (!which('clang-22')) skip('clang-22 not found');
const SYSROOT = join(ROOT, 'build', 'sysroot');

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}

// 1. The policy itself (exitCodeFor is its single place).
const err = { tag: 'err' }, ok = { tag: 'ok' };
check(exitCodeFor(ok, 7) === 0 && exitCodeFor(false, 7) === 0, 'policy: ok is 0 whatever was recorded');
check(exitCodeFor(err, 42) === 42 && exitCodeFor(true, 3) === 3, 'policy: err reports the recorded status');
check(exitCodeFor(err, 256) === 1 && exitCodeFor(err, 512) === 1, 'policy: low byte 0 but non-zero -> 1, never success');
check(exitCodeFor(err, -1) === 255 && exitCodeFor(err, 300) === 44, 'policy: masked to 0..255 (exit(-1) -> 255)');
check(exitCodeFor(err, undefined) === 1 && exitCodeFor(err, STATUS_NONE) === 1 && exitCodeFor(err, 0) === 1,
  'policy: nothing recorded (or a contradicting 0) -> 1');

// 2. Programs linked with our libc.
const dir = tempDir('exit-codes');
const cache = join(dir, 'cache');
const run = (wasm, args = []) => {
  const r = spawnSync(process.execPath, [RUNNER, '--check-leaks', wasm, ...args], {
    encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache }, timeout: 60000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, all: `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}` };
};

const prog = join(dir, 'codes.c');
writeFileSync(prog, String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  if (argc < 3) return 0;
  printf("%s %s", argv[1], argv[2]); // no newline: stays buffered, exit must flush it
  if (!strcmp(argv[1], "abort")) abort();
  if (!strcmp(argv[1], "return")) return atoi(argv[2]);
  exit(atoi(argv[2]));
}
`);
const wasm = join(dir, 'codes.wasm');
const cc = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', prog, '-o', wasm],
  { encoding: 'utf8', env: { ...process.env, PATH: `${join(ROOT, 'build', 'bin')}:${process.env.PATH}` } });
if (cc.status !== 0) {
  console.log(`FAIL cannot build codes.c (build the sysroot first: make)\n${cc.stderr}`);
  process.exit(1);
}
const core = readFileSync(wasm);
check(core.includes(Buffer.from('__wasip2_exit_status')), 'the component carries the core export __wasip2_exit_status');
const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
const wit = await componentWit(core);
check(!/exit-status/.test(wit) && /export wasi:cli\/run@0\.2\.0;/.test(wit),
  'it is not part of the component interface (other hosts see only wasi:cli/run)', wit);

for (const [args, want, what] of [
  [['exit', '0'], 0, 'exit(0) -> 0'],
  [['exit', '1'], 1, 'exit(1) -> 1'],
  [['exit', '42'], 42, 'exit(42) -> 42'],
  [['return', '3'], 3, 'return 3 from main -> 3'],
  [['return', '0'], 0, 'return 0 from main -> 0'],
  [['exit', '256'], 1, 'exit(256) -> 1 (a shell would show 0: must not look like success)'],
  [['exit', '-1'], 255, 'exit(-1) -> 255, as a shell shows it'],
]) {
  const r = run(wasm, args);
  check(r.code === want && r.out === `${args[0]} ${args[1]}` && r.err === '', `${what} (got ${r.code})`, r.all);
}
const r = run(wasm, ['abort', '-']);
check(r.code === 134 && r.err.startsWith('wasip2: terminated by signal: Aborted\nwasm backtrace:\n')
  && /- abort\n/.test(r.err) && !/trap:/.test(r.err),
  `abort() -> 134 (128 + SIGABRT, as Linux shells report), with its message (got ${r.code})`, r.all);

// 3. Hand-made components (no libc): without the export, err is 1; with one, the runner uses it.
const twit = makeTestWit(dir);
const NO_EXPORT = PRELUDE + String.raw`
IMP("wasi:cli/environment@0.2.0", "get-arguments") void get_arguments(void *ret);
struct str { const char *p; unsigned len; };
RUN {
  struct { struct str *p; unsigned len; } a; get_arguments(&a);
  int h = get_stdout(); drop_out(h);
  if (a.len > 1 && a.p[1].p[0] == 'x') wasi_exit(1); // exit(err)
  return a.len > 1;                                  // run: err when given an argument
}
`;
let b = compile(dir, twit, NO_EXPORT, 'plain.wasm');
check(b.status === 0, 'hand-made component without the export builds', b.stderr);
if (b.status === 0) {
  let x = run(b.path);
  check(x.code === 0, 'no export, run ok -> 0', x.all);
  x = run(b.path, ['r']);
  check(x.code === 1 && x.err === '', 'no export, run returns err -> 1', x.all);
  x = run(b.path, ['x']);
  check(x.code === 1 && x.err === '', 'no export, wasi:cli/exit(err) -> 1', x.all);
}
b = compile(dir, twit, NO_EXPORT + String.raw`
__attribute__((export_name("__wasip2_exit_status"))) int status(void) { return 300; }
`, 'withexport.wasm');
check(b.status === 0, 'hand-made component with the export builds (wit-component accepts the extra core export)', b.stderr);
if (b.status === 0) {
  let x = run(b.path);
  check(x.code === 0, 'export says 300 but run ok -> 0 (ok always wins)', x.all);
  x = run(b.path, ['x']);
  check(x.code === 44, 'export says 300, exit(err) -> 44 (300 & 0xff), read from the core instance directly', x.all);
}

console.log(failures ? `${failures} check(s) failed` : 'all exit-status checks passed');
process.exit(failures ? 1 : 0);
