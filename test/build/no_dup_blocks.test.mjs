// No block of 6 or more identical lines is written twice in src/ (C and
// headers): a repeated block is a helper not yet written, and two copies
// drift apart.  Lines are compared trimmed; blank
// lines, comment-only lines and #include lines (the same headers are
// included everywhere) are skipped; closing braces count, so a shared tail
// (`else fail(err); } } free(a); return r; }`) is a repeat too.  A block is
// reported once, with every place it appears.  tools/ has its own test
// (test/build/tools_duplicates.test.mjs, with the runner's split).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const MIN = 6;
const TREES = ['src'];
const EXT = /\.(c|h|cpp|S)$/;
// generated or vendored text, not ours to deduplicate
const SKIP_DIR = new Set(['node_modules', 'build']);

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (!SKIP_DIR.has(e.name)) walk(p, out); }
    else if (e.isFile() && EXT.test(e.name) && isText(p)) out.push(p);
  }
  return out;
}

function isText(p) {
  const b = fs.readFileSync(p);
  return !b.subarray(0, 4096).includes(0);
}

// The lines that count, with their line numbers.
function significant(file) {
  const out = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t || /^(\/\/|\/\*|\*|#(?!!)|#\s*include\b)/.test(t) && !/^#\s*(define|if|else|endif)/.test(t)) return;
    out.push({ t, line: i + 1 });
  });
  return out;
}

const files = TREES.flatMap((t) => walk(path.join(ROOT, t)));
const seen = new Map(); // window text -> [{file, idx, line, end}]
const sig = new Map();
for (const f of files) {
  const rel = path.relative(ROOT, f);
  const lines = significant(f);
  sig.set(rel, lines);
  for (let i = 0; i + MIN <= lines.length; i++) {
    const key = lines.slice(i, i + MIN).map((l) => l.t).join('\n');
    if (!seen.has(key)) seen.set(key, []);
    seen.get(key).push({ file: rel, idx: i });
  }
}
// windows that start a repeat; a run of them one line apart is one block
const starts = new Set();
for (const at of seen.values()) if (at.length > 1) at.forEach((a) => starts.add(`${a.file}:${a.idx}`));
const blocks = [];
for (const at of seen.values()) {
  if (at.length < 2) continue;
  if (starts.has(`${at[0].file}:${at[0].idx - 1}`)) continue; // inside a block already reported
  const places = at.map(({ file, idx }) => {
    let end = idx + MIN - 1;
    while (starts.has(`${file}:${end - MIN + 2}`)) end++;
    const lines = sig.get(file);
    return { file, line: lines[idx].line, end: lines[end].line };
  });
  blocks.push({ at: places, first: sig.get(at[0].file)[at[0].idx].t });
}
const byTree = (t) => blocks.filter((b) => b.at.some((a) => a.file.startsWith(`${t}/`)));
let failed = 0;
for (const t of TREES) {
  const list = byTree(t);
  console.log(`${list.length ? 'FAIL' : 'ok  '} ${t}/: ${list.length} repeated block(s) of ${MIN}+ lines`);
  for (const b of list) console.log(`     ${b.at.map((a) => `${a.file}:${a.line}-${a.end}`).join(', ')}\n       ${b.first}`);
  if (list.length) failed++;
}
process.exit(failed ? 1 : 0);
