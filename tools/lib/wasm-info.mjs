// Minimal reader for the parts of a core wasm module we need (imports, exports),
// and a classifier for wasm binaries (core module vs component).

export function wasmKind(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    return 'not-wasm';
  }
  // version (u16) + layer (u16): core = 1/0, component = 0x0d/1
  const layer = bytes[6] | (bytes[7] << 8);
  if (layer === 1) return 'component';
  if (layer === 0) return 'module';
  return 'unknown';
}

class Reader {
  constructor(bytes, pos = 0) { this.b = bytes; this.p = pos; }
  byte() {
    if (this.p >= this.b.length) throw new Error('unexpected end of wasm binary');
    return this.b[this.p++];
  }
  u32() {
    let result = 0, shift = 0, byte;
    do {
      byte = this.byte();
      if (shift < 32) result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }
  skipLeb() { while (this.byte() & 0x80); }
  name() {
    const len = this.u32();
    const s = new TextDecoder().decode(this.b.subarray(this.p, this.p + len));
    this.p += len;
    return s;
  }
  limits() {
    const flags = this.byte();
    this.skipLeb();
    if (flags & 1) this.skipLeb();
    if (flags & 8) this.skipLeb(); // custom page size proposal
  }
  refOrValType() {
    const t = this.byte();
    if (t === 0x63 || t === 0x64) this.skipLeb(); // (ref null? ht)
  }
}

// Returns { imports: [{module, name, kind}], exports: [{name, kind}] }.
const KINDS = ['func', 'table', 'memory', 'global', 'tag'];
export function coreModuleInfo(bytes) {
  const r = new Reader(bytes, 8);
  const imports = [], exports = [];
  while (r.p < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.p + size;
    if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        const module = r.name(), name = r.name(), kind = r.byte();
        if (kind === 0) r.u32();
        else if (kind === 1) { r.refOrValType(); r.limits(); }
        else if (kind === 2) r.limits();
        else if (kind === 3) { r.refOrValType(); r.byte(); }
        else if (kind === 4) { r.byte(); r.u32(); }
        else throw new Error(`unknown import kind ${kind}`);
        imports.push({ module, name, kind: KINDS[kind] });
      }
    } else if (id === 7) {
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name(), kind = r.byte();
        r.u32();
        exports.push({ name, kind: KINDS[kind] ?? String(kind) });
      }
    }
    r.p = end;
  }
  return { imports, exports };
}
