// Components whose core modules use wasm exception handling (setjmp/longjmp from clang-22
// `-mllvm -wasm-enable-sjlj`, legacy encoding: try/catch/rethrow/throw and a tag section).
//
// jco's transpiler validates every core module and rejects these instructions ("exceptions
// proposal not enabled"; with its exception option, "legacy_exceptions feature required").
// Node 20's engine runs them. The JS glue jco generates depends only on the core modules'
// imports and exports, never on function bodies, so we transpile a copy of the component in
// which each EH module's bodies are all `unreachable` and its tags are gone, then hand the
// glue the ORIGINAL module bytes when it asks for that core file (getCoreModule).

class R {
  constructor(b, p = 0) { this.b = b; this.p = p; }
  byte() { if (this.p >= this.b.length) throw new Error('truncated wasm'); return this.b[this.p++]; }
  u32() { let r = 0, s = 0, x; do { x = this.byte(); r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; }
  name() { const n = this.u32(); const s = Buffer.from(this.b.subarray(this.p, this.p + n)).toString(); this.p += n; return s; }
}

function leb(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const section = (id, content) => Buffer.concat([Buffer.from([id]), leb(content.length), content]);

// Top-level sections of a module or component: [{id, start, end}] (content bounds).
function sections(bytes) {
  const r = new R(bytes, 8);
  const out = [];
  while (r.p < bytes.length) {
    const id = r.byte(), size = r.u32();
    out.push({ id, start: r.p, end: r.p + size });
    r.p += size;
  }
  return out;
}

const TAG_SECTION = 13, IMPORT_SECTION = 2, EXPORT_SECTION = 7, CODE_SECTION = 10;
const TAG_KIND = 4;

// Does this core module declare, import or export a tag (the only way to use EH)?
export function usesExceptions(mod) {
  for (const s of sections(mod)) {
    if (s.id === TAG_SECTION) return true;
    if (s.id === IMPORT_SECTION || s.id === EXPORT_SECTION) {
      const r = new R(mod.subarray(0, s.end), s.start);
      for (let n = r.u32(); n > 0; n--) {
        if (s.id === IMPORT_SECTION) {
          r.name(); r.name();
          const kind = r.byte();
          if (kind === TAG_KIND) return true;
          skipImportDesc(r, kind);
        } else {
          r.name();
          if (r.byte() === TAG_KIND) return true;
          r.u32();
        }
      }
    }
  }
  return false;
}

function skipLimits(r) { const f = r.byte(); r.u32(); if (f & 1) r.u32(); }
function skipValType(r) { const t = r.byte(); if (t === 0x63 || t === 0x64) r.u32(); }
function skipImportDesc(r, kind) {
  if (kind === 0) r.u32();
  else if (kind === 1) { skipValType(r); skipLimits(r); }
  else if (kind === 2) skipLimits(r);
  else if (kind === 3) { skipValType(r); r.byte(); }
  else if (kind === TAG_KIND) { r.byte(); r.u32(); }
  else throw new Error(`unknown import kind ${kind}`);
}

// The stand-in module: same imports/exports/types, every body `unreachable`, no tags.
export function stubModule(mod) {
  const parts = [mod.subarray(0, 8)];
  for (const s of sections(mod)) {
    const content = mod.subarray(s.start, s.end);
    if (s.id === TAG_SECTION) continue;
    if (s.id === IMPORT_SECTION) {
      const r = new R(mod.subarray(0, s.end), s.start);
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = r.byte();
        if (kind === TAG_KIND) throw new Error('a core module imports an exception tag; not supported');
        skipImportDesc(r, kind);
      }
    } else if (s.id === EXPORT_SECTION) {
      const r = new R(mod.subarray(0, s.end), s.start);
      const kept = [];
      let count = 0;
      for (let n = r.u32(); n > 0; n--) {
        const from = r.p;
        r.name();
        const kind = r.byte();
        r.u32();
        if (kind !== TAG_KIND) { kept.push(mod.subarray(from, r.p)); count++; }
      }
      parts.push(section(s.id, Buffer.concat([leb(count), ...kept])));
      continue;
    } else if (s.id === CODE_SECTION) {
      const n = new R(mod.subarray(0, s.end), s.start).u32();
      const body = Buffer.from([0x03, 0x00, 0x00, 0x0b]); // size 3: no locals, unreachable, end
      parts.push(section(s.id, Buffer.concat([leb(n), ...Array(n).fill(body)])));
      continue;
    }
    parts.push(section(s.id, content));
  }
  return Buffer.concat(parts);
}

// For a component: { bytes, originals: Map<stubHex-key, original> } or null when no top-level
// core module uses exceptions (the common case: the component is transpiled unchanged).
const CORE_MODULE_SECTION = 1;
export function stubComponent(comp) {
  const secs = sections(comp);
  const originals = [];
  const parts = [comp.subarray(0, 8)];
  for (const s of secs) {
    let content = comp.subarray(s.start, s.end);
    if (s.id === CORE_MODULE_SECTION && usesExceptions(content)) {
      const stub = stubModule(content);
      originals.push({ stub, original: Buffer.from(content) });
      content = stub;
    }
    parts.push(section(s.id, content));
  }
  if (!originals.length) return null;
  return { bytes: Buffer.concat(parts), originals };
}
