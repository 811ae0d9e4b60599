// Every C file under test/ (tests, their `//! native:` peers, the oracle programs and the
// guests JS tests build) shares test/include/check.h: it includes the header, and no C
// file or local header under test/ defines a check macro of its own (CHECK, REQUIRE, OK,
// FAIL..., EXPECT..., ASSERT...), a failure counter next to the header's, or a function
// named like the header's (check_listen, check_lo4...: the loopback helpers are there).  One header keeps one output format and one set of
// rules (a failed check is counted, the test exits non-zero) for every test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../tools/fixtures.mjs';

// Files that cannot use the header, and why.
const EXEMPT = new Map([
  // built for wasm32-wasip1 with -nostdlib against upstream's headers (no stdio to print
  // with): it hands its failures back to the JS host as its return value
  ['test/witgen/shapes_guest.c', 'a -nostdlib core-module guest of the WIT generator test'],
]);
const HEADER = 'test/include/check.h';

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.[ch]$/.test(e.name)) out.push(p);
  }
  return out;
}

// a define of a check macro, a counter of failures, a hand-made loopback helper
const OWN_MACRO = /^[ \t]*#[ \t]*define[ \t]+(CHECK\w*|REQUIRE\w*|OK|FAIL\w*|EXPECT\w*|ASSERT\w*)\b/m;
const OWN_COUNTER = /^[ \t]*(?:static[ \t]+)?int[ \t]+(?:failures|fails|failed|check_failures)[ \t]*[=;,]/m;
const OWN_HELPER = /^(?:static[ \t]+)?(?:inline[ \t]+)?[\w \t*]+\b(check_\w+)[ \t]*\(/m;
const INCLUDES = /^[ \t]*#[ \t]*include[ \t]+"check\.h"/m;

const problems = [];
let files = 0;
for (const f of walk(join(ROOT, 'test')).sort()) {
  const name = relative(ROOT, f).split('\\').join('/');
  if (name === HEADER || EXEMPT.has(name)) continue;
  const text = readFileSync(f, 'utf8');
  files++;
  const m = OWN_MACRO.exec(text);
  if (m) problems.push(`${name}: defines its own ${m[1]} (use check.h's CHECK/REQUIRE/OK/CHECK_ERRNO...)`);
  const c = OWN_COUNTER.exec(text);
  if (c) problems.push(`${name}: keeps its own failure counter (check.h counts: check_failures, CHECK_DONE())`);
  const h = OWN_HELPER.exec(text);
  if (h) problems.push(`${name}: defines ${h[1]}, a name check.h owns`);
  if (name.endsWith('.c') && !INCLUDES.test(text)) problems.push(`${name}: does not #include "check.h"`);
}

for (const p of problems) console.log(`FAIL ${p}`);
console.log(`${files} C files under test/ checked (${EXEMPT.size} exempt: ${[...EXEMPT].map(([f, why]) => `${f}, ${why}`).join('; ')}): ` +
  `${problems.length ? `${problems.length} problems` : 'every one includes check.h and defines no CHECK of its own'}`);
process.exit(problems.length ? 1 : 0);
