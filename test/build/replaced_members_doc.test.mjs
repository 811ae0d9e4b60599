// docs/architecture.md lists the top-half members we replace, generated from
// tools/replaced-members.txt (member and reason) between its
// `<!-- replaced-members:begin -->` and `<!-- replaced-members:end -->` lines.
// This test fails when the two differ; `--write` regenerates the doc's list.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const LIST = path.join(ROOT, 'tools/replaced-members.txt');
const DOC = path.join(ROOT, 'docs/architecture.md');
const BEGIN = '<!-- replaced-members:begin -->';
const END = '<!-- replaced-members:end -->';

function members() {
  return fs.readFileSync(LIST, 'utf8').split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => { const m = /^(\S+)\s+(.*)$/.exec(l.trim()); return m ? { name: m[1], why: m[2] } : { name: l.trim(), why: '' }; });
}

const generated = members().map((m) => `  - \`${m.name}\`${m.why ? `: ${m.why}` : ''}`).join('\n');
const doc = fs.readFileSync(DOC, 'utf8');
const b = doc.indexOf(BEGIN), e = doc.indexOf(END);
if (b < 0 || e < b) { console.log(`FAIL docs/architecture.md has no ${BEGIN} ... ${END} region`); process.exit(1); }
const current = doc.slice(b + BEGIN.length + 1, e).replace(/\n$/, '');
if (process.argv.includes('--write')) {
  fs.writeFileSync(DOC, `${doc.slice(0, b + BEGIN.length)}\n${generated}\n${doc.slice(e)}`);
  console.log(`wrote ${members().length} members into docs/architecture.md`);
  process.exit(0);
}
const ok = current === generated;
console.log(`${ok ? 'ok  ' : 'FAIL'} docs/architecture.md lists the ${members().length} members of tools/replaced-members.txt${ok ? '' : ' (run node test/build/replaced_members_doc.test.mjs --write)'}`);
process.exit(ok ? 0 : 1);
