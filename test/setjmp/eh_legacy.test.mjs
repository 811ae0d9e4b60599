// tools/lib/eh-legacy.mjs over hand-built modules in the standard exception-handling encoding:
// each is translated to the legacy one, run on this engine, and its results compared with the
// semantics of the original (worked out below, case by case). Covers nested try_tables, catch
// labels at several depths, catch_all, multi-value block types (params and a two-value tag),
// clang's delegate pattern (catch_all_ref to a (result exnref) block, then throw_ref), a
// catch_all_ref beside a catch, SIMD/atomics/bulk-memory immediates that hold EH opcode bytes,
// and the refusals (catch_ref, an exnref kept across code).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UntranslatableError, engineHasExnref, toLegacy } from '../../tools/lib/eh-legacy.mjs';
import { scanModule } from '../../tools/lib/eh-scan.mjs';

let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`);
  if (!ok) failures++;
};

// ---- a small module builder
const leb = (n) => { const o = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; o.push(b); } while (n); return o; };
const sleb = (n) => { const o = []; for (;;) { const b = n & 0x7f; n = Math.floor(n / 128); if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { o.push(b); return o; } o.push(b | 0x80); } };
const vec = (items) => [...leb(items.length), ...items.flat()];
const str = (s) => vec([...Buffer.from(s)]);
const sec = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const I32 = 0x7f, V128 = 0x7b, EXN = 0x69;
// i32.const
const c = (n) => [0x41, ...sleb(n)];
// try_table: bt then clauses [kind, tag?, label]
const tryTable = (bt, clauses) => [0x1f, ...bt, ...vec(clauses.map((k) => k))];
const CATCH = (tag, l) => [0, ...leb(tag), ...leb(l)];
const CATCH_REF = (tag, l) => [1, ...leb(tag), ...leb(l)];
const CATCH_ALL = (l) => [2, ...leb(l)];
const CATCH_ALL_REF = (l) => [3, ...leb(l)];
const END = 0x0b, BR = 0x0c, UNREACHABLE = 0x00;

function module({ types, funcs, tags }) {
  const typeSec = vec(types.map(([p, r]) => [0x60, ...vec(p.map((t) => [t])), ...vec(r.map((t) => [t]))]));
  const funcSec = vec(funcs.map((f) => leb(f.type)));
  const memSec = vec([[0, 1]]);
  const tagSec = vec(tags.map((t) => [0, ...leb(t)]));
  const exports = funcs.map((f, i) => (f.name ? [...str(f.name), 0, ...leb(i)] : null)).filter(Boolean);
  const code = vec(funcs.map((f) => {
    const body = [...vec((f.locals || []).map(([n, t]) => [...leb(n), t])), ...f.body, END];
    return [...leb(body.length), ...body];
  }));
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sec(1, typeSec), ...sec(3, funcSec), ...sec(5, memSec),
    ...sec(13, tagSec), ...sec(7, vec(exports)), ...sec(10, code)]);
}

// types: 0 [i32]->[], 1 [i32]->[i32], 2 [i32 i32]->[i32], 3 []->[i32 i32], 4 [i32 i32]->[],
// 5 []->[i32 exnref] (in every module: the translator must retype it for this engine)
const TYPES = [[[I32], []], [[I32], [I32]], [[I32, I32], [I32]], [[], [I32, I32]], [[I32, I32], []], [[], [I32, EXN]]];
// tags 0, 1, 2 carry one i32; tag 3 two
const TAGS = [0, 0, 0, 4];
// func 0: thrower(x): x in 1..3 throws tag x-1 with payload 10x; 4 throws tag 3 (x, x+1)
const THROWER = { type: 0, body: [
  0x20, 0, ...c(4), 0x46, 0x04, 0x40, 0x20, 0, 0x20, 0, ...c(1), 0x6a, 0x08, 3, END,
  ...[1, 2, 3].flatMap((k) => [0x20, 0, ...c(k), 0x46, 0x04, 0x40, 0x20, 0, ...c(10), 0x6c, 0x08, k - 1, END]),
] };
const call0 = [0x20, 0, 0x10, 0];   // thrower(x)

// SIMD, atomics and bulk memory whose immediates hold 0x1f, 0x0b, 0x06, 0x18, 0x09 bytes
const NOISE = [
  0xfd, 12, ...[0x0b, 0x0b, 0x0b, 0x0b, 0x1f, 0x1f, 0x1f, 0x1f, 0x06, 0x06, 0x06, 0x06, 0x18, 0x09, 0x18, 0x09],
  0xfd, 13, ...[0, 1, 2, 3, 0x1f, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], // lanes < 32
];
const NOISE_FULL = [
  0xfd, 12, ...Array(16).fill(0x1f), ...NOISE, 0xfd, 27, 1, 0x1a,          // i32x4.extract_lane 1, drop
  ...c(0), ...c(0x1f), ...c(16), 0xfc, 11, 0,                               // memory.fill
  ...c(1), ...c(0x0b1f), 0xfe, 0x1e, 2, 0x1f, 0x1a,                         // i32.atomic.rmw.add at 1 + 0x1f, drop
  0xfe, 3, 0,                                                               // atomic.fence
];

const cases = [];
// A: a catch to the block right outside; the normal path adds 1000. SIMD/atomics noise inside.
cases.push({ name: 'A: catch tag 0 to the enclosing block', func: { type: 1, body: [
  0x02, I32, ...tryTable([I32], [CATCH(0, 0)]), ...NOISE_FULL, ...call0, ...c(99), END, ...c(1000), 0x6a, END,
] }, expect: { 0: 1099, 1: 10, 2: 'throws', 5: 1099 } });
// B: nested try_tables; catch labels at depths 0, 1, 2 outside; a br out of both bodies
cases.push({ name: 'B: nested try_tables, catch and catch_all at several depths', func: { type: 1, body: [
  0x02, I32,                       // $R
  0x02, 0x40,                      // $ALL
  0x02, I32,                       // $T1
  0x02, I32,                       // $T0
  ...tryTable([0x40], [CATCH(1, 1), CATCH_ALL(2)]),
  ...tryTable([0x40], [CATCH(0, 1)]), ...call0, END,
  ...c(7), BR, 4, END, UNREACHABLE, END,
  ...c(100), 0x6a, BR, 2, END,
  ...c(200), 0x6a, BR, 1, END,
  ...c(300), END,
] }, expect: { 0: 7, 1: 110, 2: 220, 3: 300, 4: 300 } });
// C: a try_table with params (type 2: [i32 i32] -> [i32]) and a two-value tag caught into a
// block of type 3 ([] -> [i32 i32])
cases.push({ name: 'C: multi-value block types (params, a two-value catch)', func: { type: 1, body: [
  0x02, I32,
  0x02, 3,
  0x20, 0, ...c(5),
  ...tryTable([2], [CATCH(3, 0), CATCH(0, 1)]), 0x6a, ...call0, END,
  ...c(1000), 0x6a, BR, 1, END,
  0x6a, ...c(2000), 0x6a, END,
] }, expect: { 0: 1005, 1: 10, 2: 'throws', 4: 2009 } });
// D: clang's delegate pattern: an exception in the inner region skips the middle handler
const delegateBody = (inner) => [
  0x02, I32,                                       // $OUT
  ...tryTable([I32], [CATCH(0, 0)]),               // outer handler: the payload
  0x02, EXN,                                       // $D
  0x02, I32,                                       // $MID
  ...tryTable([I32], [CATCH(0, 0)]),               // middle handler (tag 0 -> $MID)
  ...inner,
  ...c(1), END,
  END,
  ...c(500), 0x6a, BR, 2, END,                     // $D's end is unreachable
  0x21, 1, 0x20, 1, 0x0a,                          // local.set 1, local.get 1, throw_ref
  END, END,
];
cases.push({ name: 'D: catch_all_ref + throw_ref (delegate): past the middle handler', func: { type: 1, locals: [[1, EXN]],
  body: delegateBody([...tryTable([0x40], [CATCH_ALL_REF(2)]), ...call0, END]) },
expect: { 0: 501, 1: 10, 2: 'throws' } });
// E: a catch beside the catch_all_ref: tag 1 is handled at once (+700), the rest delegated
cases.push({ name: 'E: catch tag 1 and catch_all_ref in one try_table', func: { type: 1, locals: [[1, EXN]],
  body: delegateBody([
    0x02, I32, ...tryTable([0x40], [CATCH(1, 0), CATCH_ALL_REF(3)]), ...call0, END, ...c(0), END, ...c(700), 0x6a, 0x1a,
  ]) },
expect: { 0: 501, 1: 10, 2: 501, 3: 'throws' } });

function build(func) {
  return module({ types: TYPES, tags: TAGS, funcs: [THROWER, { ...func, name: 'run' }] });
}

const wasmTools = join(homedir(), '.cargo/bin/wasm-tools');
const tmp = mkdtempSync(join(tmpdir(), 'eh-legacy-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
console.log(`engine has exnref: ${engineHasExnref()}`);
for (const k of cases) {
  const orig = build(k.func);
  if (existsSync(wasmTools)) {
    const f = join(tmp, 'm.wasm');
    writeFileSync(f, orig);
    const v = spawnSync(wasmTools, ['validate', '--features=wasm3,threads', f], { encoding: 'utf8' });
    check(v.status === 0, `${k.name}: the original is valid standard wasm 3.0 + threads (wasm-tools)`, v.stderr);
  }
  let leg;
  try { leg = toLegacy(orig); } catch (e) { check(false, `${k.name}: translates`, e.message); continue; }
  const scan = scanModule(leg);
  check(!scan.standard.try_table && !scan.standard.throw_ref && scan.legacy.try > 0, `${k.name}: no try_table/throw_ref left, legacy try present`, JSON.stringify(scan));
  let inst;
  try { inst = new WebAssembly.Instance(new WebAssembly.Module(leg), {}); } catch (e) { check(false, `${k.name}: the translation compiles`, e.message); continue; }
  const got = {};
  for (const x of Object.keys(k.expect)) {
    try { got[x] = inst.exports.run(Number(x)); } catch (e) { got[x] = e instanceof WebAssembly.Exception ? 'throws' : `error ${e.message}`; }
  }
  check(JSON.stringify(got) === JSON.stringify(k.expect), `${k.name}: results ${JSON.stringify(got)}`, `expected ${JSON.stringify(k.expect)}`);
}

// refusals, with a message that says why
const refusals = [
  ['catch_ref', { type: 1, body: [0x02, 5, ...tryTable([0x40], [CATCH_REF(0, 0)]), ...call0, END, UNREACHABLE, END, 0x1a] }],
];
refusals.push(['an exnref kept across a call', { type: 1, locals: [[1, EXN]], body: [
  0x02, EXN, ...tryTable([0x40], [CATCH_ALL_REF(0)]), ...call0, END, UNREACHABLE, END,
  0x21, 1, ...call0, 0x20, 1, 0x0a,
] }]);
for (const [what, func] of refusals) {
  let err = null;
  try { toLegacy(build(func)); } catch (e) { err = e; }
  check(err instanceof UntranslatableError && /legacy encoding/.test(err.message) && /wasmtime/.test(err.message),
    `refused with a reason: ${what}`, err ? err.message : 'translated');
}

// a module without standard EH comes back as the same bytes
const plain = module({ types: TYPES, tags: TAGS, funcs: [THROWER, { type: 1, name: 'run', body: [0x20, 0] }] });
check(toLegacy(plain) === plain, 'a module without try_table is returned unchanged');
process.exit(failures ? 1 : 0);
