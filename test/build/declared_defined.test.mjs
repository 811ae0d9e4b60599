// Every function our public headers (include/**/*.h) declare must be
// defined in libc.a: a declaration without a definition turns a program
// that compiles into one that fails to link ("undefined symbol: pipe"),
// which is what porting Lua, zlib's examples and mini_httpd ran into
// (pipe, pipe2, chown, fchown, lchown, lockf, sync, getprotobyname ...).
// Functions the compiler lowers itself (setjmp/longjmp with
// -mllvm -wasm-enable-sjlj) and static inline ones are exempt.
//
// Part 2 asks the compiler instead of reading text: every public header of
// the sysroot as installed (Debian's, and Debian's as ours re-open them with
// their gates open, e.g. <sys/mman.h>, which is how memfd_create, mincore,
// mlock2, mremap and remap_file_pages were declared and never defined) in
// one unit with _GNU_SOURCE, its AST listing each function declaration.
// Exempt: preview1 imports (an import_module attribute: the host's, not
// libc's), compiler builtins, names a header renames out of the way, and
// the PENDING list below (each with its reason), which may only shrink.
//! timeout: 180
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, LIBDIR, SYSROOT, CLANG, members } from './lib.mjs';

const EXEMPT = new Set(['setjmp', 'longjmp', '_setjmp', '_longjmp',
  'alloca']);  // <alloca.h> defines it as __builtin_alloca
// Whole headers outside libc's contract: path under the sysroot -> why.
const EXEMPT_HEADERS = new Map(Object.entries({
  'include/wasm32-wasip2/wasi/api.h': "Debian's preview1 API: its __wasi_* wrappers call wasi_snapshot_preview1, "
    + 'which a WASI 0.2 component does not import (our calls are wasi:*@0.2.0)',
}));
// Declared by a header, not (yet) in libc.a: name -> why.
const PENDING = new Map(Object.entries({
  // arpa/nameser.h
  ns_get16: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_get32: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_put16: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_put32: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_initparse: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_parserr: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_skiprr: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  ns_name_uncompress: 'musl\'s DNS message parser (ns_parse.c) is not in Debian\'s libc.a; not written yet',
  // ifaddrs.h
  freeifaddrs: 'getifaddrs: to list the loopback interface with if_nameindex (issue 20 item 4, another branch)',
  getifaddrs: 'getifaddrs: to list the loopback interface with if_nameindex (issue 20 item 4, another branch)',
  // semaphore.h
  sem_close: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_destroy: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_getvalue: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_init: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_open: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_post: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_timedwait: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_trywait: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_unlink: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
  sem_wait: 'POSIX semaphores: belong with the single-threaded <pthread.h> (issue 20 item 1, another branch)',
}));
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
console.log(`part 1: ${checked} declarations in include/ checked, ${failed} without a definition`);

// ---- part 2: what the compiler sees in every installed header
const INC = path.join(SYSROOT, 'include/wasm32-wasip2');
function publicHeaders(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) { if (!['bits', 'c++'].includes(r)) out.push(...publicHeaders(path.join(dir, e.name), r)); }
    else if (e.name.endsWith('.h') && !e.name.startsWith('__')) out.push(r);
  }
  return out.sort();
}
const hdrs = publicHeaders(INC);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-decls-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const unit = path.join(tmp, 'all.c');
fs.writeFileSync(unit, `#define _GNU_SOURCE\n${hdrs.map((h) => `#include <${h}>`).join('\n')}\n`);
const r = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-fsyntax-only', '-Xclang', '-ast-dump=json', unit],
  { encoding: 'utf8', maxBuffer: 1 << 30 });
if (r.status !== 0) { console.log(`FAIL the headers do not compile together:\n${r.stderr.slice(0, 2000)}`); process.exit(1); }
const ast = JSON.parse(r.stdout);
// a node's file is printed only when it changes: follow it through the top level
let file = null;
const decls = new Map();
for (const n of ast.inner) {
  const l = n.loc || {};
  const f = l.file || l.expansionLoc?.file || l.spellingLoc?.file;
  if (f) file = f;
  if (n.kind !== 'FunctionDecl' || n.isImplicit || n.inline || n.storageClass === 'static') continue;
  if ((n.inner || []).some((a) => a.kind === 'WebAssemblyImportModuleAttr')) continue;
  if (EXEMPT.has(n.name) || n.name.startsWith('__builtin_') || n.name.startsWith('__wasip2_deprecated_') || n.name.startsWith('__wasip2_hidden_')) continue;
  if (!decls.has(n.name)) decls.set(n.name, path.relative(SYSROOT, file || '?'));
}
let failed2 = 0, pending = 0;
for (const [name, where] of decls) {
  if (EXEMPT_HEADERS.has(where)) continue;
  if (defined.has(name)) {
    if (PENDING.has(name)) console.log(`note: ${name} is defined now: drop it from PENDING`);
    continue;
  }
  if (PENDING.has(name)) { pending++; continue; }
  console.log(`FAIL ${where}: ${name} is declared but libc.a does not define it`);
  failed2++;
}
for (const name of PENDING.keys()) if (!decls.has(name)) console.log(`note: ${name} is no longer declared: drop it from PENDING`);
console.log(`part 2: ${hdrs.length} headers, ${decls.size} functions declared, ${failed2} without a definition, ${pending} pending (listed with reasons)`);
if (hdrs.length < 100 || decls.size < 1000) { console.log('FAIL implausibly few headers or declarations seen'); failed2++; }
process.exit(failed || failed2 ? 1 : 0);
