// The ABI facts of a sysroot's public headers, as the compiler sees them for
// wasm32-wasip2: every object-like macro whose value is an integer constant
// expression (its value; `?` for one that is defined but is not such a
// constant: a pointer, a string, a call), the size and alignment of every
// typedef and of every named struct/union, and the offset of every member
// (nested members as `outer.inner`, bit-fields as `bit:N`).  Used by
// gen-upstream-table.mjs (upstream's headers -> the committed table) and by
// upstream_table.test.mjs (our headers -> compared with the table).
//
// How: `clang -dM -E` lists the macros a header defines (minus the
// compiler's own), a probe file turns each into `long long v = (NAME);`
// globals whose values the LLVM IR spells out, the compiler's record-layout
// dump gives struct layouts, and its AST dump the typedef names.  A probe
// line the compiler rejects is dropped and the probe recompiled.
import { spawnSync } from 'node:child_process';

export const CLANG = process.env.CLANG || 'clang-22';

// The headers whose ABI is compared (issue 25's list; netinet/* spelled out).
export const HEADERS = [
  'sys/stat.h', 'fcntl.h', 'errno.h', 'signal.h', 'poll.h', 'sys/socket.h',
  'netinet/in.h', 'netinet/tcp.h', 'netinet/udp.h', 'netinet/ip.h', 'netinet/ip6.h',
  'netinet/icmp6.h', 'netinet/igmp.h', 'netinet/in_systm.h', 'netinet/ip_icmp.h',
  'netdb.h', 'termios.h', 'pthread.h', 'dirent.h', 'time.h', 'limits.h', 'unistd.h',
];

// Feature macros the facts are taken under: everything a program may ask for
// (upstream's <signal.h> stops without _WASI_EMULATED_SIGNAL).
const FLAGS = ['--target=wasm32-wasip2', '-D_GNU_SOURCE', '-D_WASI_EMULATED_SIGNAL', '-D_WASI_EMULATED_MMAN',
  '-D_WASI_EMULATED_PROCESS_CLOCKS', '-D_WASI_EMULATED_GETPID', '-w'];

function cc(sysroot, args, input) {
  const r = spawnSync(CLANG, [...FLAGS, `--sysroot=${sysroot}`, ...args], {
    input, encoding: 'utf8', maxBuffer: 512 << 20,
  });
  return { ok: r.status === 0, out: r.stdout || '', err: r.stderr || '' };
}

export function hasHeader(sysroot, h) {
  return cc(sysroot, ['-x', 'c', '-fsyntax-only', '-'], `#include <${h}>\n`).ok;
}

// name -> replacement text of the object-like macros the header adds
function macros(sysroot, h) {
  const list = (src) => {
    const r = cc(sysroot, ['-x', 'c', '-E', '-dM', '-'], src);
    if (!r.ok) throw new Error(`${h}: ${r.err}`);
    const m = new Map();
    for (const line of r.out.split('\n')) {
      const x = /^#define ([A-Za-z_]\w*)(?: (.*))?$/.exec(line);
      if (x) m.set(x[1], x[2] ?? '');
    }
    return m;
  };
  const base = list('');
  const all = list(`#include <${h}>\n`);
  const out = new Map();
  for (const [k, v] of all) {
    if (base.has(k) || k.startsWith('__') || v === '') continue;
    out.set(k, v);
  }
  return out;
}

// Compile `lines` (after `#include <h>`) to IR, dropping the entries whose
// lines the compiler rejects; returns the IR text and the kept entry keys.
function probe(sysroot, h, entries) {
  let keep = new Map(entries);
  for (let round = 0; round < 6; round++) {
    const keys = [...keep.keys()];
    const lineOf = new Map();
    let src = `#include <${h}>\n#include <stddef.h>\n`;
    let n = 3;
    for (const k of keys) {
      for (const l of keep.get(k)) { src += l + '\n'; lineOf.set(n++, k); }
    }
    const r = cc(sysroot, ['-x', 'c', '-S', '-emit-llvm', '-O0', '-ferror-limit=0', '-o', '-', '-'], src);
    if (r.ok) return { ir: r.out, keys };
    const bad = new Set();
    for (const m of r.err.matchAll(/^<stdin>:(\d+):\d+: error/gm)) {
      const k = lineOf.get(Number(m[1]));
      if (k !== undefined) bad.add(k);
    }
    if (!bad.size) throw new Error(`${h}: probe failed:\n${r.err.slice(0, 2000)}`);
    for (const k of bad) keep.delete(k);
  }
  throw new Error(`${h}: probe did not settle`);
}

function irValues(ir) {
  const v = new Map();
  for (const m of ir.matchAll(/^@(\w+) = (?:dso_local |hidden )*(?:global|constant) i(\d+) (-?\d+)/gm)) v.set(m[1], BigInt(m[3]));
  return v;
}

// macro name -> decimal string, or '?' when not an integer constant
function macroValues(sysroot, h, names) {
  const entries = new Map();
  names.forEach((name, i) => entries.set(name, [
    `long long __v${i} = (long long)(${name});`,
    `int __u${i} = ((${name}) * 0 - 1 > 0);`,
    `int __s${i} = sizeof(${name});`,
  ]));
  const { ir, keys } = probe(sysroot, h, entries);
  const v = irValues(ir);
  const out = new Map(names.map((n) => [n, '?']));
  const index = new Map(names.map((n, i) => [n, i]));
  for (const k of keys) {
    const i = index.get(k);
    let x = v.get(`__v${i}`);
    if (x === undefined) continue;
    const unsigned = v.get(`__u${i}`) === 1n, size = Number(v.get(`__s${i}`));
    if (unsigned && x < 0n) x += 1n << BigInt(8 * size);
    out.set(k, x.toString());
  }
  return out;
}

// "struct stat" -> { size, align, fields: [[path, offset]] }
function records(sysroot, h) {
  const r = cc(sysroot, ['-x', 'c', '-fsyntax-only', '-Xclang', '-fdump-record-layouts-complete', '-'], `#include <${h}>\n`);
  if (!r.ok) throw new Error(`${h}: ${r.err}`);
  const out = new Map();
  for (const block of r.out.split('*** Dumping AST Record Layout').slice(1)) {
    const lines = block.split('\n').filter((l) => l.includes('|'));
    const head = /^\s*0 \| ((?:struct|union) ([A-Za-z]\w*))\s*$/.exec(lines[0] || '');
    if (!head || head[2].startsWith('_')) continue;
    const rec = { size: 0, align: 0, fields: [] };
    const stack = [];
    for (const l of lines.slice(1)) {
      const end = /\[sizeof=(\d+), align=(\d+)/.exec(l);
      if (end) { rec.size = Number(end[1]); rec.align = Number(end[2]); break; }
      const f = /^\s*(\d+)(?::(\d+)-\d+)? \|( +)(.*?)\s*$/.exec(l);
      if (!f) continue;
      const depth = (f[3].length - 1) / 2;
      const name = /(\w+)$/.exec(f[4])?.[1];
      if (!name || /^(struct|union) \(/.test(f[4])) { stack[depth] = null; continue; }
      stack.length = depth;
      stack[depth - 1] = name;
      const p = stack.slice(0, depth).filter(Boolean).join('.');
      const off = f[2] !== undefined ? `bit:${Number(f[1]) * 8 + Number(f[2])}` : f[1];
      rec.fields.push([p, off]);
    }
    if (!out.has(head[1])) out.set(head[1], rec);
  }
  return out;
}

// typedef names the header declares (not starting with `_`)
function typedefNames(sysroot, h) {
  const r = cc(sysroot, ['-x', 'c', '-fsyntax-only', '-Xclang', '-ast-dump', '-fno-color-diagnostics', '-'], `#include <${h}>\n`);
  const names = new Set();
  for (const m of r.out.matchAll(/^[|`]-TypedefDecl .*? (?:referenced )?([A-Za-z]\w*) '/gm)) names.add(m[1]);
  return [...names].filter((n) => !n.startsWith('_')).sort();
}

function typeSizes(sysroot, h, names) {
  const entries = new Map();
  names.forEach((n, i) => entries.set(n, [`int __ts${i} = sizeof(${n});`, `int __ta${i} = _Alignof(${n});`]));
  const { ir, keys } = probe(sysroot, h, entries);
  const v = irValues(ir);
  const out = new Map();
  const index = new Map(names.map((n, i) => [n, i]));
  for (const k of keys) {
    const i = index.get(k);
    out.set(k, { size: Number(v.get(`__ts${i}`)), align: Number(v.get(`__ta${i}`)) });
  }
  return out;
}

// All facts of one header, as rows [kind, name, value].
export function headerFacts(sysroot, h) {
  const rows = [];
  const m = macros(sysroot, h);
  const names = [...m.keys()].sort();
  for (const [k, v] of macroValues(sysroot, h, names)) rows.push(['macro', k, v]);
  for (const [t, s] of typeSizes(sysroot, h, typedefNames(sysroot, h))) {
    rows.push(['sizeof', t, String(s.size)], ['alignof', t, String(s.align)]);
  }
  for (const [t, rec] of records(sysroot, h)) {
    rows.push(['sizeof', t, String(rec.size)], ['alignof', t, String(rec.align)]);
    for (const [f, off] of rec.fields) rows.push(['offsetof', `${t}.${f}`, off]);
  }
  return rows;
}

// The table: one fact a line, `header<TAB>kind<TAB>name<TAB>value`.
export function factsTable(sysroot, headers = HEADERS) {
  const lines = [];
  for (const h of headers) {
    if (!hasHeader(sysroot, h)) { lines.push(`${h}\theader\t-\tabsent`); continue; }
    for (const [k, n, v] of headerFacts(sysroot, h)) lines.push(`${h}\t${k}\t${n}\t${v}`);
  }
  return lines;
}

export function parseTable(text) {
  const facts = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [h, kind, name, value] = line.split('\t');
    facts.set(`${h}\t${kind}\t${name}`, value);
  }
  return facts;
}
