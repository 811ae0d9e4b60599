// A core wasm reader for the exception-handling tools: LEB128 numbers, section bounds, value and
// block types, and a decoder of every instruction of a function body (the 0xfb GC, 0xfc misc,
// 0xfd SIMD and 0xfe atomics prefixes included), so that a walk over a body never mistakes an
// immediate byte for an opcode. eh-legacy.mjs rewrites bodies with it; eh-scan.mjs counts
// exception-handling opcodes with it.

export class Reader {
  constructor(bytes, pos = 0, end = bytes.length) { this.b = bytes; this.p = pos; this.end = end; }
  byte() {
    if (this.p >= this.end) throw new Error(`truncated wasm at offset ${this.p}`);
    return this.b[this.p++];
  }
  u32() {
    let r = 0, s = 0, x;
    do { x = this.byte(); r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  }
  // A signed LEB (s33, s32, s64): the value as a Number (exact to 2^53; enough for indices).
  sleb() {
    let r = 0, s = 0, x;
    do { x = this.byte(); r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return x & 0x40 ? r - 2 ** s : r;
  }
  skip(n) {
    if (this.p + n > this.end) throw new Error(`truncated wasm at offset ${this.p}`);
    this.p += n;
  }
  name() {
    const n = this.u32();
    const s = Buffer.from(this.b.subarray(this.p, this.p + n)).toString();
    this.skip(n);
    return s;
  }
}

export function leb(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}

export const section = (id, content) => Buffer.concat([Buffer.from([id, ...leb(content.length)]), content]);

// Top-level sections of a module or component: [{id, start, end}] (content bounds).
export function sections(bytes) {
  const r = new Reader(bytes, 8);
  const out = [];
  while (r.p < bytes.length) {
    const id = r.byte(), size = r.u32();
    out.push({ id, start: r.p, end: r.p + size });
    r.skip(size);
  }
  return out;
}

export const SEC = { TYPE: 1, IMPORT: 2, FUNCTION: 3, TABLE: 4, MEMORY: 5, GLOBAL: 6, EXPORT: 7, CODE: 10, TAG: 13 };
export const EXNREF = 0x69;

// A heap type (s33): an abstract one is a negative one-byte code, a concrete one a type index.
function heapType(r) { return r.sleb(); }

// A value type: {code} for a one-byte type, {code, heap} for (ref ht) / (ref null ht).
export function valType(r) {
  const code = r.byte();
  if (code === 0x63 || code === 0x64) return { code, heap: heapType(r) };
  return { code };
}

// A block type: {empty: true} | {val: valType} | {index}.
export function blockType(r) {
  const first = r.b[r.p];
  if (first === 0x40) { r.p++; return { empty: true }; }
  if (first >= 0x40 && first <= 0x7f) return { val: valType(r) };
  return { index: r.sleb() };
}

function memarg(r) { const align = r.u32(); if (align & 0x40) r.u32(); r.u32(); }

// One instruction at r.p: {op, sub?, start, end} plus, where the rewriter needs them, bt (block
// types), labels (branch depths, br_table's default last), tag, catches ([{kind, tag?, label}];
// kind 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref), index (local/global/function).
// `into`: an object to fill instead of a new one (a scan that keeps nothing allocates less).
export function decode(r, into) {
  const start = r.p;
  const op = r.byte();
  const ins = into ?? {};
  ins.op = op;
  ins.start = start;
  if (op === 0xfb) ins.sub = gc(r, ins);
  else if (op === 0xfc) ins.sub = misc(r);
  else if (op === 0xfd) ins.sub = simd(r);
  else if (op === 0xfe) ins.sub = atomic(r);
  else plain(r, op, ins);
  ins.end = r.p;
  return ins;
}

const NO_IMMEDIATE = new Set([0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0xd1, 0xd3, 0xd4]);

function plain(r, op, ins) {
  if (NO_IMMEDIATE.has(op) || (op >= 0x45 && op <= 0xc4)) return;
  switch (op) {
    case 0x02: case 0x03: case 0x04: case 0x06: ins.bt = blockType(r); ins.btEnd = r.p; return;
    case 0x07: case 0x08: ins.tag = r.u32(); return;
    case 0x09: case 0x0c: case 0x0d: case 0x18: case 0xd5: case 0xd6: ins.labels = [r.u32()]; return;
    case 0x0e: { const n = r.u32(); ins.labels = []; for (let i = 0; i <= n; i++) ins.labels.push(r.u32()); return; }
    case 0x10: case 0x12: case 0x14: case 0x15: case 0xd2: ins.index = r.u32(); return;
    case 0x20: case 0x21: case 0x22: case 0x23: case 0x24: case 0x25: case 0x26: ins.index = r.u32(); return;
    case 0x11: case 0x13: r.u32(); r.u32(); return;
    case 0x1c: for (let n = r.u32(); n > 0; n--) valType(r); return;
    case 0x1f: {
      ins.bt = blockType(r);
      ins.btEnd = r.p;
      ins.catches = [];
      for (let n = r.u32(); n > 0; n--) {
        const kind = r.byte();
        if (kind > 3) throw new Error(`unknown catch clause kind ${kind} at offset ${r.p - 1}`);
        const c = { kind };
        if (kind < 2) c.tag = r.u32();
        c.label = r.u32();
        ins.catches.push(c);
      }
      return;
    }
    case 0x3f: case 0x40: r.u32(); return;
    case 0x41: case 0x42: r.sleb(); return;
    case 0x43: r.skip(4); return;
    case 0x44: r.skip(8); return;
    case 0xd0: ins.heap = heapType(r); return;
    default:
      if (op >= 0x28 && op <= 0x3e) { memarg(r); return; }
      throw new Error(`unknown opcode 0x${op.toString(16)} at offset ${ins.start}`);
  }
}

// 0xfb: GC. br_on_cast / br_on_cast_fail carry a label.
function gc(r, ins) {
  const sub = r.u32();
  if ([0, 1, 6, 7, 11, 12, 13, 14, 16].includes(sub)) r.u32();
  else if ([2, 3, 4, 5, 8, 9, 10, 17, 18, 19].includes(sub)) { r.u32(); r.u32(); }
  else if (sub >= 20 && sub <= 23) heapType(r);
  else if (sub === 24 || sub === 25) { r.byte(); ins.labels = [r.u32()]; heapType(r); heapType(r); }
  else if (sub !== 15 && !(sub >= 26 && sub <= 30)) throw new Error(`unknown opcode 0xfb ${sub} at offset ${ins.start}`);
  return sub;
}

// 0xfc: saturating truncation, bulk memory, tables, wide arithmetic.
function misc(r) {
  const sub = r.u32();
  if (sub <= 7 || (sub >= 19 && sub <= 22)) return sub;
  if ([8, 10, 12, 14].includes(sub)) { r.u32(); r.u32(); return sub; }
  if ([9, 11, 13, 15, 16, 17].includes(sub)) { r.u32(); return sub; }
  throw new Error(`unknown opcode 0xfc ${sub} at offset ${r.p}`);
}

// 0xfd: SIMD (relaxed SIMD included: 0x100-0x113 have no immediates).
function simd(r) {
  const sub = r.u32();
  if (sub <= 11 || sub === 92 || sub === 93) memarg(r);
  else if (sub === 12 || sub === 13) r.skip(16);
  else if (sub >= 21 && sub <= 34) r.byte();
  else if (sub >= 84 && sub <= 91) { memarg(r); r.byte(); }
  else if (sub > 0x113) throw new Error(`unknown opcode 0xfd ${sub} at offset ${r.p}`);
  return sub;
}

// 0xfe: threads (atomic.fence has a reserved byte, the rest a memarg).
function atomic(r) {
  const sub = r.u32();
  if (sub === 3) r.byte();
  else if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) memarg(r);
  else throw new Error(`unknown opcode 0xfe ${sub} at offset ${r.p}`);
  return sub;
}

// The code section's bodies: [{start, end, localsStart, codeStart}] (codeStart: first instruction).
export function functionBodies(mod, sec) {
  const r = new Reader(mod, sec.start, sec.end);
  const out = [];
  for (let n = r.u32(); n > 0; n--) {
    const size = r.u32();
    const start = r.p;
    const locals = [];
    for (let g = r.u32(); g > 0; g--) locals.push({ count: r.u32(), type: valType(r) });
    out.push({ start, end: start + size, locals, codeStart: r.p });
    r.p = start + size;
  }
  return out;
}

// Does one body hold any of the opcodes in `ops` (a Set)? A decode that keeps nothing.
export function bodyHasOp(mod, body, ops) {
  const r = new Reader(mod, body.codeStart, body.end);
  // every field decode may set, present from the start: one object shape throughout
  const scratch = { op: 0, start: 0, end: 0, sub: 0, bt: null, btEnd: 0, labels: null, tag: 0, catches: null, index: 0, heap: 0 };
  while (r.p < body.end) if (ops.has(decode(r, scratch).op)) return true;
  return false;
}

// Every instruction of one body, in order.
export function instructions(mod, body) {
  const r = new Reader(mod, body.codeStart, body.end);
  const out = [];
  while (r.p < body.end) out.push(decode(r));
  return out;
}
