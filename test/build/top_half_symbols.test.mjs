// Does the bottom half provide what the kept top half needs?
// Recomputed from build/sysroot/lib/wasm32-wasip2/libc.a + crt1.o: every undefined symbol
// of every kept top-half member (the first members of libc.a: mk/merge-libc.sh puts
// build/top/libtop.a first) must be defined by some member of libc.a, by crt1.o, by
// clang's builtins, be a linker-provided symbol, or be the user program's (`main`,
// `__main_argc_argv`). Prints what is missing. Every global symbol of a member
// dropped through tools/replaced-members.txt (build/top/replaced.txt) must be
// defined again. Also lists (without failing) public functions the dropped
// preview1 members defined that nothing defines now.
import fs from 'node:fs';
import path from 'node:path';
import { LIBDIR, TOP, members, archiveNames, linkerSymbols, builtinsArchive, PREVIEW1 } from './lib.mjs';

const libc = path.join(LIBDIR, 'libc.a');
const crt1 = path.join(LIBDIR, 'crt1.o');
for (const f of [libc, crt1, path.join(TOP, 'libtop.a')]) {
  if (!fs.existsSync(f)) { console.log(`missing ${path.relative(process.cwd(), f)}: build the sysroot first (make)`); process.exit(1); }
}

const all = members(libc);
const nTop = archiveNames(path.join(TOP, 'libtop.a')).length;
const top = all.slice(0, nTop);
const ours = all.slice(nTop);

const defined = new Set();
for (const m of [...all, ...members(crt1)]) for (const s of m.defined.keys()) defined.add(s);
const builtins = new Set();
for (const m of members(builtinsArchive())) for (const s of m.defined.keys()) builtins.add(s);
const linker = linkerSymbols();
const user = new Set(['main', '__main_argc_argv']);

const missing = new Map(); // sym -> [members]
for (const m of top) {
  for (const s of m.undefined) {
    if (defined.has(s) || builtins.has(s) || linker.has(s) || user.has(s)) continue;
    if (!missing.has(s)) missing.set(s, []);
    missing.get(s).push(m.name);
  }
}

// members we replace on purpose: what they defined must be defined again
const replacedFile = path.join(TOP, 'replaced.txt');
const replaced = fs.existsSync(replacedFile)
  ? fs.readFileSync(replacedFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/\s+/))
  : [];
const lost = replaced.filter(([s]) => !defined.has(s));
const replacedMembers = new Set(replaced.map(([, m]) => m));

// informational: what the dropped preview1 members exported that nobody defines now
// (dropped.txt lists the replaced members too; they are checked above)
const dropped = new Set(fs.readFileSync(path.join(TOP, 'dropped.txt'), 'utf8').split('\n').filter(Boolean));
for (const m of replacedMembers) dropped.delete(m);
const debian = process.env.WASI_LIBC_DIR || '/usr/lib/wasm32-wasi';
const gone = [];
if (fs.existsSync(path.join(debian, 'libc.a'))) {
  for (const m of members(path.join(debian, 'libc.a'))) {
    if (!dropped.has(m.name)) continue;
    for (const [s, t] of m.defined) {
      if ((t === 'T' || t === 'W') && !s.startsWith('_') && !PREVIEW1.test(s) && !defined.has(s)) gone.push(s);
    }
  }
}

console.log(`libc.a: ${top.length} top-half members, ${ours.length} bottom-half objects; ` +
  `${replacedMembers.size} members replaced (${replaced.length} symbols)`);
if (lost.length) {
  console.log(`LOST: ${lost.length} symbols of replaced members are defined nowhere:`);
  for (const [s, m] of lost) console.log(`  ${s}  (was in ${m})`);
  process.exit(1);
}
if (gone.length) {
  console.log(`note: ${gone.length} public functions of the dropped preview1 members are not defined (yet):`);
  console.log('  ' + [...new Set(gone)].sort().join(' '));
}
if (missing.size) {
  console.log(`MISSING: ${missing.size} symbols the top half needs are defined nowhere:`);
  for (const [s, ms] of [...missing].sort()) console.log(`  ${s}  (needed by ${ms.slice(0, 4).join(', ')}${ms.length > 4 ? ', ...' : ''})`);
  process.exit(1);
}
console.log('every symbol the top half needs is defined');
