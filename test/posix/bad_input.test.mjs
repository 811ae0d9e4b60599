// bad_input.c built twice, with gcc (Linux is the oracle) and for wasm32-wasip2, run on a
// scratch directory each, outputs compared line by line: every call must answer exactly as
// Linux does, except the differences listed in KNOWN (each is documented in
// docs/compatibility.md, "Bad input and limits").  The wasm run also enforces the rules
// bad_input.c checks on its own (exit status) and runs under --check-leaks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT, CLANG } from '../build/lib.mjs';

// call name -> [Linux's answer, ours, why]
const KNOWN = {
  'write unconnected tcp': ['-1 EPIPE', '-1 ENOTCONN', 'POSIX ENOTCONN for a never-connected TCP socket'],
  'send unconnected tcp': ['-1 EPIPE', '-1 ENOTCONN', 'POSIX ENOTCONN for a never-connected TCP socket'],
  'sendto tcp unconnected': ['-1 EPIPE', '-1 ENOTCONN', 'POSIX ENOTCONN for a never-connected TCP socket'],
  'send NULL udp': ['-1 EDESTADDRREQ', '-1 EFAULT', 'the buffer is checked before the destination'],
  'recv MSG_OOB udp': ['-1 EAGAIN', '-1 EOPNOTSUPP', 'no out-of-band data on any socket'],
  'send unknown flag': ['-1 EDESTADDRREQ', '-1 EOPNOTSUPP', 'flags libc does not implement are refused, Linux ignores unknown bits'],
  'sendto unknown flag': ['1', '-1 EOPNOTSUPP', 'flags libc does not implement are refused, Linux ignores unknown bits'],
  'recv unknown flag': ['-1 EAGAIN', '-1 EOPNOTSUPP', 'flags libc does not implement are refused, Linux ignores unknown bits'],
};

const dir = mkdtempSync(join(tmpdir(), 'wasip2-bad-input-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const src = join(ROOT, 'test/posix/bad_input.c');
const sh = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, maxBuffer: 16 << 20 });
const fail = (msg) => { console.log(`FAIL ${msg}`); process.exit(1); };

let r = sh(process.env.GCC || 'gcc', ['-O2', '-w', `-I${ROOT}/test/include`, src, '-o', join(dir, 'native')]);
if (r.status !== 0) fail(`gcc: ${r.stderr}`);
r = sh(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, `-B${join(ROOT, 'build/bin')}`, '-O2', '-w', `-I${ROOT}/test/include`, src, '-o', join(dir, 'bad.wasm')]);
if (r.status !== 0) fail(`clang: ${r.stderr}`);
for (const d of ['n', 'w']) mkdirSync(join(dir, d));
const nat = sh(join(dir, 'native'), [join(dir, 'n')]);
if (nat.status !== 0) fail(`native run (status ${nat.status}): ${nat.stdout.slice(-2000)}${nat.stderr}`);
const wasm = sh(join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', '--dir', `${join(dir, 'w')}::/data`, join(dir, 'bad.wasm'), '/data']);
const parse = (out) => new Map(out.split('\n').filter((l) => l.includes(': ')).map((l) => {
  const i = l.indexOf(': ');
  return [l.slice(0, i), l.slice(i + 2)];
}));
const N = parse(nat.stdout), W = parse(wasm.stdout);
let bad = 0, same = 0, known = 0;
for (const [name, want] of N) {
  const got = W.get(name);
  const k = KNOWN[name];
  if (got === want) { same++; continue; }
  if (k && k[0] === want && k[1] === got) { known++; console.log(`known: ${name}: Linux ${want}, here ${got} (${k[2]})`); continue; }
  bad++;
  console.log(`FAIL ${name}: Linux ${want}, here ${got ?? '(missing)'}`);
}
for (const name of W.keys()) if (!N.has(name)) { bad++; console.log(`FAIL ${name}: only in the wasm output`); }
for (const name of Object.keys(KNOWN)) {
  if (N.get(name) === W.get(name)) { bad++; console.log(`FAIL ${name}: listed in KNOWN but now agrees with Linux (drop it)`); }
}
if (wasm.status !== 0) { bad++; console.log(`FAIL wasm run exited ${wasm.status}: ${wasm.stderr.slice(-1500)}`); }
console.log(`${N.size} calls: ${same} as Linux, ${known} documented differences, ${bad} failures`);
process.exit(bad ? 1 : 0);
