// -fsanitize=undefined on wasm32-wasip2 (the runtime: src/ubsan, in libc.a): each kind of bug
// is reported as clang's runtime does, "file:line:col: runtime error: ...", once per site;
// the default goes on, -fno-sanitize-recover ends with status 1 and a backtrace,
// -fsanitize-trap traps, -fsanitize-minimal-runtime names the check; UBSAN_OPTIONS=
// halt_on_error=1 stops at the first report. Guests: ubsan_kinds.c, ubsan_fatal.c.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, RUNNER, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('ubsan');
const PATH = `${join(ROOT, 'build/bin')}:${process.env.PATH}`;
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failed++; if (detail) console.log(String(detail).replace(/^/gm, '    ')); }
};
const cc = (file, name, flags) => {
  const out = join(dir, `${name}.wasm`);
  const r = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${join(ROOT, 'build/sysroot')}`,
    `-I${join(ROOT, 'test/include')}`, ...flags, `test/sanitize/${file}`, '-o', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH } });
  if (r.status !== 0) { check(false, `${name} builds`, r.stderr); process.exit(1); }
  return out;
};
const run = (wasm, args = [], flags = []) => spawnSync(process.execPath, [RUNNER, '--check-leaks', ...flags, wasm, ...args],
  { encoding: 'utf8', env: { ...process.env, PATH }, timeout: 60000 });

// the line of a marker comment in the guest
import { readFileSync } from 'node:fs';
const kindsSrc = readFileSync(join(ROOT, 'test/sanitize/ubsan_kinds.c'), 'utf8').split('\n');
const lineOf = (marker) => kindsSrc.findIndex((l) => l.includes(`// ${marker}`)) + 1;

const kinds = cc('ubsan_kinds.c', 'kinds', ['-fsanitize=undefined', '-g', '-O0']);
let r = run(kinds);
check(r.status === 0 && r.stdout === 'reached the end\n', 'recoverable reports: the program runs to its end, exit 0', r.stderr);
const want = [
  ['ADD', 'signed integer overflow: 2147483647 + 1 cannot be represented in type \'int\''],
  ['SUB', 'signed integer overflow: -2147483648 - 1 cannot be represented in type \'int\''],
  ['MUL', 'signed integer overflow: 2147483647 * 2 cannot be represented in type \'int\''],
  ['NEG', 'negation of -2147483648 cannot be represented in type \'int\''],
  ['SHIFT-BIG', 'shift exponent 40 is too large for 32-bit type \'int\''],
  ['SHIFT-NEG', 'shift exponent -1 is negative'],
  ['SHIFT-LHS', 'left shift of negative value -1'],
  ['INDEX', 'index 4 out of bounds for type \'int[4]\''],
  ['MISALIGNED', 'load of misaligned address 0x'],
  ['BOOL', 'load of value 7, which is not a valid value for type \'_Bool\''],
  ['FLOAT-CAST', '1e+30 is outside the range of representable values of type \'int\''],
];
const lines = r.stderr.split('\n').filter(Boolean);
for (const [marker, text] of want) {
  const at = `test/sanitize/ubsan_kinds.c:${lineOf(marker)}:`;
  check(lines.some((l) => l.startsWith(at) && l.includes(`runtime error: ${text}`)), `${marker}: ${at} ${text}`, r.stderr);
}
check(lines.length === want.length, `one report per site (${want.length}; the loop's overflow once)`, r.stderr);

r = run(kinds, [], ['--env', 'UBSAN_OPTIONS=halt_on_error=1']);
check(r.status === 1 && r.stderr.split('\n').filter((l) => /runtime error/.test(l)).length === 1 && r.stdout === '',
  'UBSAN_OPTIONS=halt_on_error=1: the first report ends it, status 1', r.stderr);

const fatal = cc('ubsan_fatal.c', 'fatal', ['-fsanitize=undefined', '-fno-sanitize-recover=all', '-g', '-O2']);
for (const [what, text, fn] of [
  ['overflow', 'signed integer overflow: 2147483647 + 1', 'add_one'],
  ['divide', 'division by zero', 'main'],
  ['null', 'load of null pointer of type \'int\'', 'main'],
  ['unreachable', 'execution reached an unreachable program point', 'choose'],
]) {
  r = run(fatal, [what]);
  check(r.status === 1 && r.stdout === '' && /^test\/sanitize\/ubsan_fatal\.c:\d+:\d+: runtime error: /.test(r.stderr)
    && r.stderr.includes(text) && new RegExp(`wasm backtrace:\\n\\s+0: 0x[0-9a-f]+ - ${fn}\\n\\s+at test/sanitize/ubsan_fatal\\.c:`).test(r.stderr),
  `-fno-sanitize-recover ${what}: report, backtrace from ${fn} with its line, status 1`, r.stderr);
}

const trap = cc('ubsan_fatal.c', 'trap', ['-fsanitize=undefined', '-fsanitize-trap=all', '-O2']);
r = run(trap, ['overflow']);
check(r.status === 134 && /trap: .*unreachable/.test(r.stderr) && /- add_one\n/.test(r.stderr), '-fsanitize-trap: a trap in add_one (no runtime needed)', r.stderr);

const minimal = cc('ubsan_fatal.c', 'minimal', ['-fsanitize=undefined', '-fsanitize-minimal-runtime', '-O2']);
r = run(minimal, ['overflow']);
check(r.status === 0 && r.stderr === 'ubsan: add-overflow\n' && r.stdout === 'after overflow\n', '-fsanitize-minimal-runtime: "ubsan: add-overflow", goes on', r.stderr);

console.log(failed ? `${failed} failed` : 'all ubsan checks passed');
process.exit(failed ? 1 : 0);
