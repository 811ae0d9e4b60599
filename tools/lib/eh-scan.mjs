// Which exception-handling encoding a wasm binary uses: counts of the legacy instructions
// (try, catch, catch_all, delegate, rethrow) and the standard ones (try_table, throw_ref), from
// a full decode of every function body, and whether a tag section is there. For a component,
// over each of its top-level core modules.
//   node tools/lib/eh-scan.mjs FILE.wasm...   prints one JSON line per file; exit status 1
//                                             when one uses a legacy instruction
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEC, functionBodies, instructions, sections } from './eh-decode.mjs';

const LEGACY = { 0x06: 'try', 0x07: 'catch', 0x19: 'catch_all', 0x18: 'delegate', 0x09: 'rethrow' };
const STANDARD = { 0x1f: 'try_table', 0x0a: 'throw_ref', 0x08: 'throw' };

// One core module: { legacy: {name: n}, standard: {name: n}, tagSection, functions }.
export function scanModule(mod) {
  const out = { legacy: {}, standard: {}, tagSection: false, functions: 0 };
  for (const s of sections(mod)) {
    if (s.id === SEC.TAG) out.tagSection = true;
    if (s.id !== SEC.CODE) continue;
    for (const body of functionBodies(mod, s)) {
      out.functions++;
      for (const x of instructions(mod, body)) {
        const l = LEGACY[x.op], n = STANDARD[x.op];
        if (l) out.legacy[l] = (out.legacy[l] || 0) + 1;
        if (n) out.standard[n] = (out.standard[n] || 0) + 1;
      }
    }
  }
  return out;
}

// The top-level core modules of a component (section id 1), or [bytes] for a core module.
export function coreModules(bytes) {
  if (bytes[6] === 0 && bytes[7] === 0) return [bytes];
  return sections(bytes).filter((s) => s.id === 1).map((s) => bytes.subarray(s.start, s.end));
}

export const usesLegacy = (scan) => Object.keys(scan.legacy).length > 0;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let bad = 0;
  for (const f of process.argv.slice(2)) {
    const scans = coreModules(readFileSync(f)).map(scanModule);
    console.log(JSON.stringify({ file: f, modules: scans }));
    if (scans.some(usesLegacy)) bad++;
  }
  process.exit(bad ? 1 : 0);
}
