// Every public header of the sysroot (Debian's and ours, as installed; not the
// `__*.h` fragments, bits/ or the C++ library) compiles alone in each language
// mode programs build with: -std=c89, -std=c99 -pedantic, -std=c11 -pedantic,
// -std=gnu11 (all -Werror), and C++17.  Found this way: <sys/socket.h> and
// everything that includes it used max_align_t, which C89/C99 lack; two of
// Debian's <wasi/*.h> used types they never declared; <sys/poll.h> and friends
// warned (an error under -Werror) where glibc's are silent.
//! timeout: 300
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSROOT, CLANG } from './lib.mjs';

const INC = path.join(SYSROOT, 'include/wasm32-wasip2');
if (!fs.existsSync(INC)) { console.log('no sysroot headers: build first (make)'); process.exit(1); }
const CLANGXX = process.env.CLANGXX || CLANG.replace(/clang(?=[^/]*$)/, 'clang++');

function walk(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) { if (!['bits', 'c++'].includes(r)) out.push(...walk(path.join(dir, e.name), r)); }
    else if (e.name.endsWith('.h') && !e.name.startsWith('__')) out.push(r);
  }
  return out;
}
const headers = walk(INC).sort();
const MODES = [
  ['c89', CLANG, ['-x', 'c', '-std=c89', '-Werror']],
  ['c99 -pedantic', CLANG, ['-x', 'c', '-std=c99', '-pedantic', '-Werror']],
  ['c11 -pedantic', CLANG, ['-x', 'c', '-std=c11', '-pedantic', '-Werror']],
  ['gnu11', CLANG, ['-x', 'c', '-std=gnu11', '-Werror']],
  ['c++17', CLANGXX, ['-x', 'c++', '-std=c++17', '-Werror']],
];

// One unit per header, all of a mode in one compiler run (each input file is
// its own translation unit); an error names the unit, hence the header.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-headers-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const units = headers.map((h, k) => {
  const base = `h${k}`;
  // a declaration after the header: an otherwise empty unit is itself a -pedantic error
  const text = `#include <${h}>\ntypedef int wasip2_header_check_t;\n`;
  fs.writeFileSync(path.join(dir, `${base}.c`), text);
  fs.writeFileSync(path.join(dir, `${base}.cc`), text);
  return { h, base };
});

function run([, cc, flags], ext) {
  return new Promise((resolve) => {
    const ch = spawn(cc, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, ...flags, '-fsyntax-only',
      ...units.map((u) => `${u.base}${ext}`)], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    ch.stderr.on('data', (d) => { err += d; });
    ch.on('error', (e) => resolve({ code: -1, err: String(e) }));
    ch.on('close', (code) => resolve({ code, err }));
  });
}

let failed = 0, checked = 0;
for (const m of MODES) {
  const r = await run(m, m[0].startsWith('c++') ? '.cc' : '.c');
  const bad = new Map();
  for (const line of r.err.split('\n')) {
    // errors located in a header are reported "In file included from hN.c:1:" first
    const u = /^(?:In file included from )?(h\d+)\.cc?:/.exec(line);
    if (u) { cur = u[1]; }
    if (/error:/.test(line) && cur && !bad.has(cur)) bad.set(cur, line.trim());
  }
  if (r.code !== 0 && bad.size === 0) { console.log(`FAIL ${m[0]}: compiler failed: ${r.err.trim().slice(0, 500)}`); failed++; }
  for (const u of units) {
    checked++;
    if (bad.has(u.base)) { failed++; console.log(`FAIL <${u.h}> ${m[0]}: ${bad.get(u.base)}`); }
  }
}
var cur;
// the headers that motivated this test must be among those checked
for (const must of ['sys/socket.h', 'netinet/in.h', 'netdb.h', 'arpa/inet.h', 'sys/un.h', 'poll.h', 'stdint.h', 'errno.h']) {
  if (!headers.includes(must)) { console.log(`FAIL <${must}> is not in the sysroot`); failed++; }
}
console.log(`${headers.length} headers x ${MODES.length} modes: ${checked - failed} compiled, ${failed} failed`);
process.exit(failed ? 1 : 0);
