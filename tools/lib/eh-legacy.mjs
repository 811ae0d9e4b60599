// Standard wasm exception handling (try_table, exnref) -> the legacy encoding (try/catch/delegate),
// for engines that have only the legacy one (Node 20's V8 11.3 says "Invalid opcode 0x1f").
//
// Our toolchain and upstream's emit the standard encoding (it is what wasmtime and the final
// proposal run). What clang emits for setjmp/longjmp maps onto the legacy encoding one to one:
//   try_table bt (catch T l)* (catch_all l)? body end
//     -> try bt body (catch T  br l+1)* (catch_all  br l+1)? end
//   (the try keeps the try_table's single label, so every depth inside the body is unchanged)
//   block $B (result exnref) ... try_table (catch_all_ref $B) body end ... end throw_ref
//     -> block $B ... try body delegate $B ... end unreachable
//   that second form is how clang spells "an exception here goes past the enclosing handlers":
//   the legacy `delegate`. Rethrowing after $B's end meets the handlers that enclose $B, as
//   delegating to the plain block $B does. `local.set n; local.get n; throw_ref` and
//   `local.tee n; throw_ref` tails are the same thing with the exnref passing through a local.
// Any other use of an exnref value (catch_ref, a throw_ref elsewhere, exnref locals read
// elsewhere: C++ cleanups that run code before rethrowing) has no legacy equivalent without
// moving code into the catch; the translator refuses such a module with a message saying so.
import { EXNREF, Reader, SEC, bodyHasOp, functionBodies, instructions, leb, section, sections, valType } from './eh-decode.mjs';

const OP = { BLOCK: 0x02, LOOP: 0x03, IF: 0x04, TRY: 0x06, CATCH: 0x07, RETHROW: 0x09, THROW_REF: 0x0a,
  END: 0x0b, BR: 0x0c, BR_IF: 0x0d, BR_TABLE: 0x0e, DELEGATE: 0x18, CATCH_ALL: 0x19, TRY_TABLE: 0x1f,
  LOCAL_GET: 0x20, LOCAL_SET: 0x21, LOCAL_TEE: 0x22, REF_NULL: 0xd0, UNREACHABLE: 0x00 };
// instructions after which the operand stack is polymorphic (nothing falls through)
const EH_OPS = new Set([OP.TRY_TABLE, OP.THROW_REF]);
const NO_FALLTHROUGH = new Set([0x00, 0x08, 0x09, 0x0a, 0x0c, 0x0e, 0x0f, 0x12, 0x13, 0x15]);

export class UntranslatableError extends Error {}
const refuse = (what) => {
  throw new UntranslatableError(`this core module uses standard wasm exception handling beyond what `
    + `converts to the legacy encoding (${what}); this engine (Node ${process.versions.node}, V8 `
    + `${process.versions.v8}) runs only the legacy encoding. setjmp/longjmp converts; C++ exceptions `
    + `with cleanups do not: run the component on a host with the standard encoding (e.g. wasmtime)`);
};

// Does this engine run try_table (the standard encoding)? A module with one empty try_table.
let exnrefSupport;
export function engineHasExnref() {
  if (exnrefSupport === undefined) {
    exnrefSupport = WebAssembly.validate(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
      1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 0x1f, 0x40, 0, 0x0b, 0x0b]));
  }
  return exnrefSupport;
}

// The module as this engine can run it.
export function forEngine(mod) { return engineHasExnref() ? mod : toLegacy(mod); }

// Function types: [{params, results}] of value types ({code, heap?}); null for GC forms.
function readTypes(mod, sec) {
  const r = new Reader(mod, sec.start, sec.end);
  const types = [];
  for (let n = r.u32(); n > 0; n--) {
    if (r.b[r.p] !== 0x60) { types.push(null); skipGcType(r); continue; }
    r.p++;
    const params = [], results = [];
    for (let k = r.u32(); k > 0; k--) params.push(valType(r));
    for (let k = r.u32(); k > 0; k--) results.push(valType(r));
    types.push({ params, results });
  }
  return types;
}
function skipGcType() { refuse('GC type definitions'); }

const isExn = (t) => t.code === EXNREF;
const typeHasExn = (t) => t && (t.params.some(isExn) || t.results.some(isExn));

// Module-level facts: types, each defined function's type, and which types a function, import or
// tag uses (an exnref there cannot be rewritten).
function moduleInfo(mod, secs) {
  const info = { types: [], funcTypes: [], importedFuncs: 0, signatureTypes: new Set() };
  for (const s of secs) {
    const r = new Reader(mod, s.start, s.end);
    if (s.id === SEC.TYPE) info.types = readTypes(mod, s);
    else if (s.id === SEC.IMPORT) {
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = r.byte();
        if (kind === 0) { info.signatureTypes.add(r.u32()); info.importedFuncs++; }
        else if (kind === 1) { valType(r); limits(r); }
        else if (kind === 2) limits(r);
        else if (kind === 3) { valType(r); r.byte(); }
        else if (kind === 4) { r.byte(); info.signatureTypes.add(r.u32()); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (s.id === SEC.FUNCTION) {
      for (let n = r.u32(); n > 0; n--) { const t = r.u32(); info.funcTypes.push(t); info.signatureTypes.add(t); }
    } else if (s.id === SEC.TAG) {
      for (let n = r.u32(); n > 0; n--) { r.byte(); info.signatureTypes.add(r.u32()); }
    }
  }
  for (const t of info.signatureTypes) if (typeHasExn(info.types[t])) refuse('an exnref parameter or result of a function or tag');
  return info;
}
function limits(r) { const f = r.byte(); r.u32(); if (f & 1) r.u32(); }

// A block type that yields exactly one exnref.
function yieldsExnOnly(bt, types) {
  if (bt.val) return isExn(bt.val);
  if (bt.index === undefined) return false;
  const t = types[bt.index];
  return !!t && t.params.length === 0 && t.results.length === 1 && isExn(t.results[0]);
}
function btHasExn(bt, types) {
  if (bt.val) return isExn(bt.val);
  return bt.index !== undefined && typeHasExn(types[bt.index]);
}

// Pass 1: the control structure. Each block-like instruction gets an entry; ends, delegates,
// branches and catch clauses point at the entry they close or target.
function structure(ins) {
  const func = { kind: 'func', branched: 0, refCatches: [] };
  const stack = [func];
  const target = (l, at) => {
    if (l > stack.length - 1) throw new Error(`branch depth ${l} out of range at offset ${at}`);
    return stack[stack.length - 1 - l];
  };
  const open = (x, kind) => { x.entry = { kind, at: x, branched: 0, refCatches: [] }; stack.push(x.entry); };
  ins.forEach((x, i) => {
    x.i = i;
    switch (x.op) {
      case OP.BLOCK: open(x, 'block'); break;
      case OP.LOOP: open(x, 'loop'); break;
      case OP.IF: open(x, 'if'); break;
      case OP.TRY: open(x, 'try'); break;
      case OP.TRY_TABLE:
        for (const c of x.catches) {
          c.target = target(c.label, x.start);
          if (c.kind === 1 || c.kind === 3) c.target.refCatches.push(c); else c.target.branched++;
        }
        open(x, 'try_table');
        break;
      case OP.END: case OP.DELEGATE:
        if (stack.length === 0) throw new Error(`unbalanced end at offset ${x.start}`);
        x.closes = stack.pop();
        x.closes.endIndex = i;
        if (x.op === OP.DELEGATE) x.targets = [target(x.labels[0], x.start)];
        break;
      default:
        if (x.labels) {
          x.targets = x.labels.map((l) => target(l, x.start));
          if (x.op !== OP.RETHROW) for (const t of x.targets) t.branched++;
        }
    }
  });
  if (stack.length) throw new Error('function body without its final end');
  return func;
}

// The rethrow tail after a delegate block's end: the indices to drop (its local, if any, is then
// unused: every other use of an exnref local is refused).
function rethrowTail(ins, j) {
  const a = ins[j], b = ins[j + 1], c = ins[j + 2];
  if (a?.op === OP.THROW_REF) return { drop: [j], local: null };
  if (a?.op === OP.LOCAL_TEE && b?.op === OP.THROW_REF) return { drop: [j, j + 1], local: a.index };
  if (a?.op === OP.LOCAL_SET && b?.op === OP.LOCAL_GET && b.index === a.index && c?.op === OP.THROW_REF) {
    return { drop: [j, j + 1, j + 2], local: a.index };
  }
  return null;
}

// Check that every entry a catch_all_ref targets is a delegate block; the tails' indices.
function delegateBlocks(ins, types) {
  const dropped = new Set();
  for (const x of ins) {
    const e = x.entry;
    if (!e || !e.refCatches.length) continue;
    if (e.refCatches.some((c) => c.kind === 1)) refuse('catch_ref');
    if (e.kind !== 'block' || !yieldsExnOnly(x.bt, types)) refuse('catch_all_ref to a label other than a (result exnref) block');
    if (e.branched) refuse('a branch carrying an exnref');
    if (!NO_FALLTHROUGH.has(ins[e.endIndex - 1]?.op)) refuse('an exnref block whose end is reachable');
    const tail = rethrowTail(ins, e.endIndex + 1);
    if (!tail) refuse('an exnref used other than by an immediate throw_ref');
    e.delegate = true;
    for (const k of tail.drop) dropped.add(k);
  }
  return dropped;
}

// The catch clauses that can match, in order: none after a catch_all, no tag twice.
function liveClauses(catches) {
  const out = [], seen = new Set();
  for (const c of catches) {
    if (c.kind === 0 || c.kind === 1) { if (seen.has(c.tag)) continue; seen.add(c.tag); }
    out.push(c);
    if (c.kind >= 2) break;
  }
  return out;
}

// Pass 2: the legacy body. Original instructions are copied byte for byte (the label count is
// unchanged everywhere they stand); only try_table heads, their ends and the dropped tails change.
function emit(mod, ins, func, dropped, exnLocals) {
  const out = [];
  const labels = [func];
  const depth = (entry) => {
    const k = labels.lastIndexOf(entry);
    if (k < 0) throw new Error('internal: label not in scope');
    return labels.length - 1 - k;
  };
  const raw = (x) => out.push(mod.subarray(x.start, x.end));
  const btBytes = (x) => mod.subarray(x.start + 1, x.btEnd);
  for (const x of ins) {
    if (dropped.has(x.i)) { if (x.op === OP.THROW_REF) out.push(Buffer.from([OP.UNREACHABLE])); continue; }
    const e = x.entry;
    if (e) {
      labels.push(e);
      if (e.delegate) { out.push(Buffer.from([OP.BLOCK, 0x40])); continue; }
      if (x.op !== OP.TRY_TABLE) { raw(x); continue; }
      e.clauses = liveClauses(x.catches);
      e.mode = !e.clauses.length ? 'block' : e.clauses.length === 1 && e.clauses[0].kind === 3 ? 'delegate' : 'catch';
      out.push(Buffer.from([e.mode === 'block' ? OP.BLOCK : OP.TRY]), btBytes(x));
      continue;
    }
    if (x.op === OP.END || x.op === OP.DELEGATE) {
      const c = x.closes;
      if (c.mode === 'delegate') {
        labels.pop();
        out.push(Buffer.from([OP.DELEGATE, ...leb(depth(c.clauses[0].target))]));
        continue;
      }
      if (c.mode === 'catch') out.push(Buffer.from(catchCode(c, labels, depth)));
      labels.pop();
      if (x.op === OP.DELEGATE) out.push(Buffer.from([OP.DELEGATE, ...leb(depth(x.targets[0]))]));
      else raw(x);
      continue;
    }
    if (x.op === OP.THROW_REF) refuse('throw_ref');
    if ((x.op === OP.LOCAL_GET || x.op === OP.LOCAL_SET || x.op === OP.LOCAL_TEE) && exnLocals.has(x.index)) refuse('an exnref local');
    if (x.op === OP.REF_NULL && (x.heap === -23 || x.heap === -12)) refuse('ref.null exn');
    if (x.targets && x.op !== OP.DELEGATE) {
      x.targets.forEach((t, k) => { if (depth(t) !== x.labels[k]) throw new Error('internal: depth changed'); });
    }
    raw(x);
  }
  return Buffer.concat(out);
}

// The legacy catch clauses closing try_table entry `e` (e is still the innermost label).
function catchCode(e, labels, depth) {
  const b = [];
  for (const c of e.clauses) {
    if (c.kind === 0) b.push(OP.CATCH, ...leb(c.tag), OP.BR, ...leb(depth(c.target)));
    else if (c.kind === 2) b.push(OP.CATCH_ALL, OP.BR, ...leb(depth(c.target)));
    else {
      // catch_all_ref to a delegate block, beside other clauses: rethrow from a try that delegates
      b.push(OP.CATCH_ALL);
      const inner = { kind: 'synthetic' };
      labels.push(inner);
      b.push(OP.TRY, 0x40, OP.RETHROW, ...leb(depth(e)));
      labels.pop();
      b.push(OP.DELEGATE, ...leb(depth(c.target)), OP.UNREACHABLE);
    }
  }
  return b;
}

// One body in the legacy encoding, or null when it has nothing to translate.
function translateBody(mod, body, type, types) {
  // no try_table (0x1f) and no exnref (0x69) byte: nothing to translate, no decode needed (a
  // throw_ref needs an exnref, which only a try_table's catch or an exnref local gives)
  const bytes = mod.subarray(body.start, body.end);
  if (!bytes.includes(0x1f) && !bytes.includes(EXNREF)) return null;
  const exnLocals = new Set();
  let idx = 0;
  for (const p of type.params) { if (isExn(p)) exnLocals.add(idx); idx++; }
  for (const g of body.locals) { if (isExn(g.type)) for (let k = 0; k < g.count; k++) exnLocals.add(idx + k); idx += g.count; }
  // an exnref block type needs a try_table's catch_all_ref to be used, so these ops say it all
  if (!exnLocals.size && !bodyHasOp(mod, body, EH_OPS)) return null;
  const ins = instructions(mod, body);
  const func = structure(ins);
  if (func.refCatches.length) refuse('catch_all_ref to the function label');
  const dropped = delegateBlocks(ins, types);
  for (const x of ins) if (x.entry && !x.entry.delegate && btHasExn(x.bt, types)) refuse('an exnref block result');
  const code = emit(mod, ins, func, dropped, exnLocals);
  return Buffer.concat([localsBytes(mod, body), code]);
}

// The body's local declarations with exnref ones turned into i32 (their only uses were dropped).
function localsBytes(mod, body) {
  const r = new Reader(mod, body.start, body.codeStart);
  const out = [...leb(r.u32())];
  while (r.p < body.codeStart) {
    out.push(...leb(r.u32()));
    const from = r.p;
    const t = valType(r);
    if (isExn(t)) out.push(0x7f); else out.push(...mod.subarray(from, r.p));
  }
  return Buffer.from(out);
}

// The type section with exnref (only in block types now gone) rewritten to i32.
function typeSection(mod, sec, types) {
  if (!types.some(typeHasExn)) return null;
  const out = [...leb(types.length)];
  const vt = (t) => (isExn(t) ? [0x7f] : t.heap !== undefined ? [t.code, ...sleb(t.heap)] : [t.code]);
  for (const t of types) {
    out.push(0x60, ...leb(t.params.length), ...t.params.flatMap(vt), ...leb(t.results.length), ...t.results.flatMap(vt));
  }
  return Buffer.from(out);
}
function sleb(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n = Math.floor(n / 128);
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

// The whole module in the legacy encoding (the same bytes when it has nothing to translate).
export function toLegacy(mod) {
  const secs = sections(mod);
  const code = secs.find((s) => s.id === SEC.CODE);
  if (!code) return mod;
  const info = moduleInfo(mod, secs);
  const bodies = functionBodies(mod, code);
  let changed = false;
  const outBodies = bodies.map((b, k) => {
    const t = info.types[info.funcTypes[k]];
    const nb = translateBody(mod, b, t, info.types);
    if (nb) changed = true;
    return nb ?? mod.subarray(b.start, b.end);
  });
  if (!changed) return mod;
  const parts = [mod.subarray(0, 8)];
  for (const s of secs) {
    if (s.id === SEC.CODE) {
      parts.push(section(s.id, Buffer.concat([Buffer.from(leb(outBodies.length)),
        ...outBodies.flatMap((b) => [Buffer.from(leb(b.length)), b])])));
    } else if (s.id === SEC.TYPE) {
      parts.push(section(s.id, typeSection(mod, s, info.types) ?? mod.subarray(s.start, s.end)));
    } else parts.push(section(s.id, mod.subarray(s.start, s.end)));
  }
  return Buffer.concat(parts);
}
