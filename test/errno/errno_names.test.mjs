// Every errno name Linux defines (read from this machine's
// asm-generic/errno*.h) exists in our <errno.h>; names that differ on Linux
// differ here (no collisions); strerror, strerror_r, perror and printf's %m
// give glibc's text for each (the oracle: the same program built by gcc).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, CLANG, skip } from '../build/lib.mjs';

const GEN = ['/usr/include/asm-generic/errno-base.h', '/usr/include/asm-generic/errno.h'];
if (!GEN.every((f) => fs.existsSync(f))) skip('no asm-generic errno headers on this machine');
if (spawnSync('sh', ['-c', 'command -v gcc']).status !== 0) skip('gcc not installed');
const names = [];
for (const f of GEN) for (const m of fs.readFileSync(f, 'utf8').matchAll(/^#define\s+(E[A-Z0-9]+)\s/gm))
  if (!names.includes(m[1])) names.push(m[1]);
if (names.length < 120) { console.log(`FAIL only ${names.length} names parsed`); process.exit(1); }

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-errno-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const src = path.join(dir, 'errnos.c');
fs.writeFileSync(src, `#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
static void one(const char *name, int defined, int v) {
  if (!defined) { printf("%s MISSING\\n", name); return; }
  char buf[256];
  buf[0] = 0;
  // XSI strerror_r (musl) returns int, GNU (glibc) a pointer: take the text either way
  __typeof__(strerror_r(v, buf, sizeof buf)) r = strerror_r(v, buf, sizeof buf);
  const char *t = _Generic(r, int: buf, default: (const char *)(__SIZE_TYPE__)r);
  errno = v;
  printf("%s %d %s|%s|%m\\n", name, v, strerror(v), t);
}
#define E(n) one(#n, 1, n)
#define M(n) one(#n, 0, 0)
int main(void) {
${names.map((n) => `#ifdef ${n}\n  E(${n});\n#else\n  M(${n});\n#endif`).join('\n')}
#ifdef ENOTCAPABLE
  E(ENOTCAPABLE);
#endif
  errno = ESHUTDOWN; perror("perror");
  errno = EHOSTDOWN; perror("perror");
  printf("unknown: %s\\n", strerror(4000));
  return 0;
}
`);
const sh = (c, a) => spawnSync(c, a, { encoding: 'utf8', maxBuffer: 1 << 24 });
let r = sh('gcc', ['-O2', '-w', src, '-o', path.join(dir, 'native')]);
if (r.status !== 0) { console.log(`FAIL gcc: ${r.stderr}`); process.exit(1); }
const native = sh(path.join(dir, 'native'), []);
r = sh(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, `-B${path.join(ROOT, 'build/bin')}`, '-O2', '-w', src, '-o', path.join(dir, 'e.wasm')]);
if (r.status !== 0) { console.log(`FAIL clang: ${r.stderr}`); process.exit(1); }
const wasm = sh(path.join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', path.join(dir, 'e.wasm')]);
if (wasm.status !== 0) { console.log(`FAIL wasm run: ${wasm.status} ${wasm.stderr}`); process.exit(1); }

const parse = (out) => {
  const m = new Map();
  for (const l of out.split('\n')) {
    const x = /^(E[A-Z0-9]+) (MISSING|(-?\d+) (.*))$/.exec(l);
    if (x) m.set(x[1], x[2] === 'MISSING' ? null : { v: +x[3], text: x[4] });
  }
  return m;
};
const N = parse(native.stdout), W = parse(wasm.stdout);
let failed = 0;
const fail = (s) => { console.log(`FAIL ${s}`); failed++; };
for (const n of names) {
  const w = W.get(n), l = N.get(n);
  if (!w) { fail(`${n} is not defined`); continue; }
  if (!l) continue;
  // same text from strerror, strerror_r and %m, and the same as glibc's
  if (w.text !== l.text) fail(`${n}: "${w.text}" where Linux says "${l.text}"`);
  for (const m of names) {
    if (m >= n) continue;
    const w2 = W.get(m), l2 = N.get(m);
    if (w2 && l2 && (w.v === w2.v) !== (l.v === l2.v)) fail(`${n} and ${m}: ${w.v === w2.v ? 'share a value here, not on Linux' : 'share a value on Linux, not here'}`);
  }
}
for (const line of ['perror: Cannot send after transport endpoint shutdown', 'perror: Host is down', 'unknown: Unknown error 4000']) {
  const where = line.startsWith('perror') ? wasm.stderr : wasm.stdout;
  if (!where.includes(line)) fail(`wasm output lacks "${line}"`);
  const nwhere = line.startsWith('perror') ? native.stderr : native.stdout;
  if (!nwhere.includes(line)) fail(`native output lacks "${line}" (the oracle changed?)`);
}
// the WASI-only name keeps a text of its own
if (!/^ENOTCAPABLE \d+ [A-Z]/m.test(wasm.stdout)) fail('ENOTCAPABLE has no text');
console.log(`${names.length} Linux errno names checked against glibc; ${failed} problem(s)`);
for (const n of ['EHOSTDOWN', 'ESHUTDOWN', 'ETOOMANYREFS', 'ESOCKTNOSUPPORT', 'EPFNOSUPPORT', 'EREMOTEIO', 'ENONET', 'ECOMM', 'EUSERS'])
  console.log(`  ${n} = ${W.get(n)?.v} "${W.get(n)?.text.split('|')[0]}"`);
process.exit(failed ? 1 : 0);
