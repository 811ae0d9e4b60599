// Compares libevent's regress outcomes of our build with the native build of the same source,
// per backend and group (ports/libevent.sh).  Prints a markdown table per backend, the tests
// that pass natively but not here, and the result line; exit 1 when any such test is not
// among the known limits given with --limit NAME=REASON.
//
//   node compare.mjs DIR BACKEND... [--limit NAME=REASON]...
//   (reads DIR/BACKEND-native.json and DIR/BACKEND-wasm.json, written by run-regress.mjs)
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const dir = args.shift();
const limits = new Map(), backends = [];
for (const a of args) {
  if (a.startsWith('--limit=')) { const [n, ...r] = a.slice(8).split('='); limits.set(n, r.join('=')); } else backends.push(a);
}
const load = (b, k) => JSON.parse(fs.readFileSync(path.join(dir, `${b}-${k}.json`), 'utf8')).tests;
const count = (tests, names) => {
  const c = { ok: 0, fail: 0, skip: 0, hang: 0 };
  for (const n of names) {
    const s = tests[n];
    if (s === 'ok') c.ok++; else if (s === 'skip') c.skip++; else if (s === 'hang' || s === 'crash') c.hang++; else if (s === 'fail') c.fail++;
  }
  return c;
};
const fmt = (c) => `${c.ok} / ${c.fail} / ${c.skip}${c.hang ? ` / ${c.hang} hung or crashed` : ''}`;
let bad = 0, matched = 0, total = 0;
const known = new Set();
for (const b of backends) {
  const nat = load(b, 'native'), ours = load(b, 'wasm');
  const names = Object.keys(nat).filter((n) => nat[n] !== 'excluded');
  const groups = [...new Set(names.map((n) => n.split('/')[0]))];
  console.log(`\n**${b}** (ok / fail / skip)\n\n| Group | wasip2 | native | differs |\n|---|---|---|---|`);
  for (const g of groups) {
    const gn = names.filter((n) => n.startsWith(g + '/'));
    const diff = gn.filter((n) => nat[n] === 'ok' && ours[n] !== 'ok');
    console.log(`| ${g} | ${fmt(count(ours, gn))} | ${fmt(count(nat, gn))} | ${diff.map((n) => `${n} (${ours[n] || 'not run'}${limits.has(n) ? ', limit' : ''})`).join(', ')} |`);
  }
  const all = count(ours, names), an = count(nat, names);
  console.log(`| **all** | ${fmt(all)} | ${fmt(an)} | |`);
  for (const n of names) {
    if (nat[n] !== 'ok') continue;
    total++;
    if (ours[n] === 'ok') { matched++; continue; }
    if (limits.has(n)) { known.add(n); continue; }
    bad++;
    console.log(`REGRESSION ${b} ${n}: ${ours[n] || 'not run'} (native ok)`);
  }
}
console.log('');
for (const n of known) console.log(`limit ${n}: ${limits.get(n)}`);
console.log(`built; ${matched}/${total} natively passing test runs pass (${backends.join(', ')})` +
  (known.size ? `; known limits: ${[...known].join(', ')}` : '') + (bad ? `; ${bad} regressions` : ''));
process.exit(bad ? 1 : 0);
