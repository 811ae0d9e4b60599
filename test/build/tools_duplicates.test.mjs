// No block of 6 or more identical lines appears twice in tools/ (lines compared with their
// indentation trimmed, blank lines skipped): shared code lives in one function, one module.
// Every text file under tools/ counts (JS, C, shell, lists); two occurrences that overlap (a
// run of one repeated line) do not.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const WINDOW = 6;
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else files.push(p);
  }
};
walk(path.join(ROOT, 'tools'));

// window text -> [[file, first line, index among the file's non-blank lines]]
const seen = new Map();
let windows = 0;
for (const f of files) {
  const text = fs.readFileSync(f);
  if (text.includes(0)) continue; // a binary (a built .node)
  const lines = text.toString('utf8').split('\n').map((l, i) => [l.trim(), i + 1]).filter(([l]) => l);
  for (let i = 0; i + WINDOW <= lines.length; i++) {
    const key = lines.slice(i, i + WINDOW).map(([l]) => l).join('\n');
    let at = seen.get(key);
    if (!at) seen.set(key, (at = []));
    at.push([path.relative(ROOT, f), lines[i][1], i]);
    windows++;
  }
}
const dupes = [];
for (const [key, at] of seen) {
  const apart = [];
  for (const a of at) if (!apart.some((b) => b[0] === a[0] && Math.abs(b[2] - a[2]) < WINDOW)) apart.push(a);
  if (apart.length > 1) dupes.push(`${apart.map(([f, n]) => `${f}:${n}`).join(' = ')}\n      ${key.split('\n')[0]}`);
}
if (windows < 2000) { console.log(`FAIL: only ${windows} windows in ${files.length} files: the scan is broken`); process.exit(1); }
if (dupes.length) {
  console.log(`FAIL: ${dupes.length} blocks of ${WINDOW}+ identical lines repeated in tools/ (start lines):\n  ${dupes.join('\n  ')}`);
  process.exit(1);
}
console.log(`ok: ${files.length} files, ${windows} windows of ${WINDOW} lines, no repeated block`);
