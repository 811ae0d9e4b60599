// Every internal symbol of the bottom half is declared exactly once, in a
// private header (src/include/) or a public one, never retyped in the .c
// files that use it: a prototype typed by hand in a caller is never checked
// against the definition, so a changed signature links and then misbehaves.
// With -Wmissing-prototypes the compiler checks the definitions; this test
// checks the users.  It reads every src/**/*.c as text (comments, strings and
// preprocessor lines removed) and lists each file-scope declaration that is
// not a definition and not static, of
//   - an internal name: __wasip2_*, __wasilibc_*, or any other __-prefixed
//     name (the top half's musl internals, the compiler's and linker's
//     symbols), or
//   - any name, declared weak (a weak reference belongs beside the
//     declaration in the header, musl style).
// Headers may declare weak references; a .c file may define a weak default
// or an alias (those are definitions), and one that needs a weak reference
// to what a header declares strong says `#pragma weak name` (the prototype
// stays the header's; src/mem/alloc.c, src/exit/abort.c).
//
// PENDING: files of areas being reworked elsewhere, exempt for now and
// printed as a TODO list; the list may only shrink (an entry that no longer
// declares anything fails too, so it gets removed).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const PENDING = new Map(Object.entries({
}));

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.c')) out.push(p);
  }
  return out;
}

// Source text without comments, string/char literals and preprocessor lines
// (line structure kept, so line numbers stay right).
function strip(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  let lineStart = true;
  while (i < n) {
    const c = src[i], d = src[i + 1];
    if (lineStart && /[ \t]/.test(c)) { out += c; i++; continue; }
    if (lineStart && c === '#') {
      // a directive, with its continuation lines
      while (i < n && src[i] !== '\n') {
        if (src[i] === '\\' && src[i + 1] === '\n') { out += '\n'; i += 2; continue; }
        if (src[i] === '/' && src[i + 1] === '*') {
          const e = src.indexOf('*/', i + 2);
          const end = e < 0 ? n : e + 2;
          out += src.slice(i, end).replace(/[^\n]/g, '');
          i = end;
          continue;
        }
        i++;
      }
      continue;
    }
    lineStart = false;
    if (c === '/' && d === '/') { while (i < n && src[i] !== '\n') i++; continue; }
    if (c === '/' && d === '*') {
      const e = src.indexOf('*/', i + 2);
      const end = e < 0 ? n : e + 2;
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, j - i - 1)) + c;
      i = j + 1;
      continue;
    }
    if (c === '\n') lineStart = true;
    out += c;
    i++;
  }
  return out;
}

// File-scope statements that end in ';' (declarations, and definitions of
// variables and types): [{ text, line, hadBody }].  A '{' at file scope after
// a parameter list opens a function body, which ends the statement at its
// '}'; any other (struct body, initializer) belongs to the statement.
function topStatements(text) {
  const out = [];
  let depth = 0, start = 0, line = 1, startLine = 1, fnBody = false, hadBody = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (depth === 0 && !fnBody && !text.slice(start, i + 1).trim()) startLine = line;
    if (c === '{') {
      if (depth === 0) {
        const sofar = text.slice(start, i);
        fnBody = /\)\s*$/.test(sofar) && !/=/.test(sofar);
        hadBody = true;
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0 && fnBody) { fnBody = false; hadBody = false; start = i + 1; }
    } else if (c === ';' && depth === 0) {
      out.push({ text: text.slice(start, i).trim(), line: startLine, hadBody });
      start = i + 1; hadBody = false;
    }
  }
  return out;
}

const KEYWORDS = new Set(['__attribute__', '__typeof__', '_Alignas', '__declspec', 'sizeof', '_Static_assert', '__asm__', 'asm']);

// The declared name of a non-defining declaration, or null when the
// statement defines something (initializer, body, alias) or is not one.
function declared(st) {
  let t = st.text.replace(/\s+/g, ' ');
  if (!t || st.hadBody) return null; // struct/union/enum with a body, or an initializer in braces
  if (/^(typedef|static|_Static_assert|__asm__|asm)\b/.test(t)) return null;
  if (/\b_*alias_*\s*\(/.test(t)) return null;       // an alias is a definition
  // remove attributes and asm labels, keeping whether weak was said
  const weak = /__attribute__\s*\(\(\s*[^)]*\b__?weak__?\b/.test(t) || /\bweak\b/.test((t.match(/__attribute__\s*\(\([^;]*\)\)/g) || []).join(' '));
  t = t.replace(/__attribute__\s*\(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (/=/.test(t.replace(/\([^()]*\)/g, ''))) return null; // initializer: a definition
  const isExtern = /^(extern\b|.*\bextern\b)/.test(t);
  // function: name ( params ) -- the first top-level '(' not followed by '*'
  const fn = t.match(/([A-Za-z_]\w*)\s*\((?!\s*\*)/);
  const fp = t.match(/\(\s*\*\s*([A-Za-z_]\w*)\s*\)/); // function pointer variable
  let name = null, kind = null;
  if (fp && (!fn || t.indexOf(fp[0]) < t.indexOf(fn[0]))) { name = fp[1]; kind = 'variable'; }
  else if (fn && !KEYWORDS.has(fn[1])) { name = fn[1]; kind = 'function'; }
  else {
    const m = t.match(/([A-Za-z_]\w*)\s*(\[[^\]]*\]\s*)*$/);
    if (!m) return null;
    name = m[1]; kind = 'variable';
    // a variable without extern is a tentative definition
    if (!isExtern) return null;
    // struct tags alone: `struct foo;`
    if (/^(struct|union|enum) \w+$/.test(t)) return null;
  }
  // several declarators: `extern char *a, *b;` -- take each
  const names = kind === 'variable' && /,/.test(t) && !fp
    ? t.replace(/^.*?\b(extern)\b/, '').split(',').map((s) => (s.match(/([A-Za-z_]\w*)\s*(\[[^\]]*\]\s*)*$/) || [])[1]).filter(Boolean)
    : [name];
  return { names, kind, weak };
}

const internal = (n) => /^__/.test(n);

const files = walk(path.join(ROOT, 'src')).sort();
const found = new Map(); // rel -> [{line, name, why}]
for (const f of files) {
  const rel = path.relative(ROOT, f).split(path.sep).join('/');
  const text = strip(fs.readFileSync(f, 'utf8'));
  for (const st of topStatements(text)) {
    const d = declared(st);
    if (!d) continue;
    for (const name of d.names) {
      if (!internal(name) && !d.weak) continue;
      const why = d.weak ? `weak ${d.kind} declaration` : `declaration of internal ${d.kind}`;
      if (!found.has(rel)) found.set(rel, []);
      found.get(rel).push({ line: st.line, name, why });
    }
  }
}

// self-check of the scanner on the shapes the tree uses
{
  const sample = `
#include "x.h"
int __wasip2_a(int);                                   // flagged
extern char *__progname, *__progname_full;             // flagged twice
void g(void) __attribute__((weak));                    // flagged: weak
static int helper(void);                               // static: fine
int __wasip2_def(void) { return 0; }                   // definition
int (lseek2)(int) __attribute__((weak, alias("x")));   // alias: definition
__attribute__((__weak__, __alias__("y"))) char *z(int);
char **__wasilibc_environ __attribute__((weak)) = 0;   // weak default: definition
__attribute__((used)) static int (*const p)(int) = __wasip2_a;
struct s { int a; };
extern const struct s __wasip2_tab[];                  // flagged
int plain(int);                                        // public name: not ours to judge
`;
  const got = [];
  for (const st of topStatements(strip(sample))) {
    const d = declared(st);
    if (d) for (const n of d.names) if (internal(n) || d.weak) got.push(n);
  }
  const want = ['__wasip2_a', '__progname', '__progname_full', 'g', '__wasip2_tab'];
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    console.log(`FAIL scanner self-check: found ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    process.exit(1);
  }
  console.log('ok   scanner self-check (declarations vs definitions, weak, aliases)');
}

let failed = 0;
const todo = [];
for (const [rel, list] of found) {
  if (PENDING.has(rel)) { todo.push([rel, list]); continue; }
  failed++;
  for (const e of list) console.log(`FAIL ${rel}:${e.line}: ${e.why} ${e.name}: declare it once in a header (src/include/)`);
}
for (const rel of PENDING.keys()) {
  if (!fs.existsSync(path.join(ROOT, rel))) { failed++; console.log(`FAIL PENDING lists ${rel}, which no longer exists: remove it`); }
  else if (!found.has(rel)) { failed++; console.log(`FAIL PENDING lists ${rel}, which declares nothing now: remove it`); }
}
console.log(`ok   ${files.length} files scanned; ${found.size - todo.length} outside PENDING declare what a header should`);
if (todo.length) {
  console.log(`TODO (PENDING, ${todo.length} files, ${todo.reduce((a, [, l]) => a + l.length, 0)} declarations): move each into its area's header, then drop the file from PENDING`);
  for (const [rel, list] of todo) {
    console.log(`  ${rel} (${PENDING.get(rel)}): ${list.map((e) => `${e.name}:${e.line}`).join(', ')}`);
  }
}
process.exit(failed ? 1 : 0);
