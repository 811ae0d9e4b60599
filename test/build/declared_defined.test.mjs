// Every function our public headers (include/**/*.h) declare must be
// defined in libc.a: a declaration without a definition turns a program
// that compiles into one that fails to link ("undefined symbol: pipe"),
// which is what porting Lua, zlib's examples and mini_httpd ran into
// (pipe, pipe2, chown, fchown, lchown, lockf, sync, getprotobyname ...).
// Functions the compiler lowers itself (setjmp/longjmp with
// -mllvm -wasm-enable-sjlj) and static inline ones are exempt.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, LIBDIR, members } from './lib.mjs';

const EXEMPT = new Set(['setjmp', 'longjmp', '_setjmp', '_longjmp']);
const libc = path.join(LIBDIR, 'libc.a');
if (!fs.existsSync(libc)) { console.log('missing libc.a: build the sysroot first (make)'); process.exit(1); }
const defined = new Set();
for (const m of members(libc)) for (const s of m.defined.keys()) defined.add(s);

function headers(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...headers(p));
    else if (e.name.endsWith('.h')) out.push(p);
  }
  return out;
}

let failed = 0, checked = 0;
for (const h of headers(path.join(ROOT, 'include'))) {
  const text = fs.readFileSync(h, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/.*$/gm, '')
    .replace(/\\\n/g, ' ');
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (!l || l.startsWith('#') || /^(typedef|static|return|struct\s+\w+\s*\{|union|enum)\b/.test(l)) continue;
    // a prototype: return type words/stars, then NAME( ... ); on one line
    const m = /^(?:extern\s+)?[A-Za-z_][\w\s\*]*?[\s\*]([A-Za-z_]\w*)\s*\([^;{]*\)\s*(?:__attribute__\(\(.*\)\)\s*)?;/.exec(l);
    if (!m || EXEMPT.has(m[1])) continue;
    checked++;
    if (!defined.has(m[1])) {
      console.log(`FAIL ${path.relative(ROOT, h)}: ${m[1]} is declared but libc.a does not define it`);
      failed++;
    }
  }
}
console.log(`${checked} declarations checked, ${failed} without a definition`);
process.exit(failed ? 1 : 0);
