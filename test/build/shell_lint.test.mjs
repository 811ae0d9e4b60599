// Shell lint for the project's scripts: in a script (or Makefile recipe) that runs under
// `set -o pipefail`, a reader that may stop early -- `grep -q`, `grep -m`, `head`, `sed q`
// -- on the right of a pipeline makes the writer die of SIGPIPE (status 141) whenever it
// is still writing, so the pipeline fails at random though the match succeeded. That bug
// sent a fresh machine's `make demo` to an outside repository. Capture the output first
// (`out=$(cmd)`; `case`/`grep <<<`) instead.
// LINT_FILES=a:b checks other files (how the rule was verified against the old deps.sh).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SKIP_DIRS = new Set(['node_modules', 'build', '.git']);

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function isShell(file, text) {
  if (/\.(sh|bash)$/.test(file)) return true;
  if (path.basename(file) === 'Makefile' || /\.mk$/.test(file)) return true;
  return /^#!.*\b(ba)?sh\b/.test(text);
}

// the right-hand side of a `|` (not `||`) that reads only part of its input
const EARLY_READER = /(^|[^|])\|\s*(grep\s+(-[A-Za-z]*[qm]|--quiet|--max-count)|head\b|sed\s+(-n\s+)?['"]?\d*q)/;

const files = process.env.LINT_FILES
  ? process.env.LINT_FILES.split(':')
  : walk(ROOT).filter((f) => !/\.(mjs|js|c|h|md|json|cmake|cpp|txt)$/.test(f));
let bad = 0, checked = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  if (!isShell(f, text)) continue;
  // Makefile recipes run with make's default shell, without pipefail, unless SHELLFLAGS
  // says so; scripts opt in with set -o pipefail / set -euo pipefail
  if (!/pipefail/.test(text)) continue;
  checked++;
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/(^|\s)#.*$/, '');
    if (EARLY_READER.test(code)) {
      console.log(`${path.relative(ROOT, f) || f}:${i + 1}: early-exiting reader on the right of a pipe under pipefail: ${line.trim()}`);
      bad++;
    }
  });
}
console.log(`${checked} pipefail script(s) checked, ${bad} problem(s)`);
if (checked === 0) { console.log('no pipefail script found: the lint looked in the wrong place'); process.exit(1); }
process.exit(bad ? 1 : 0);
