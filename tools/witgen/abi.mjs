// Canonical ABI facts for resolved WIT types: memory size/alignment and the
// flattened core-wasm signature, as the component model specification defines
// them.  Types here are already resolved (no 'ref'/'alias' nodes).

export const PRIM = {
  bool: { size: 1, align: 1, flat: 'i32', c: 'bool' },
  s8: { size: 1, align: 1, flat: 'i32', c: 'int8_t' },
  u8: { size: 1, align: 1, flat: 'i32', c: 'uint8_t' },
  s16: { size: 2, align: 2, flat: 'i32', c: 'int16_t' },
  u16: { size: 2, align: 2, flat: 'i32', c: 'uint16_t' },
  s32: { size: 4, align: 4, flat: 'i32', c: 'int32_t' },
  u32: { size: 4, align: 4, flat: 'i32', c: 'uint32_t' },
  s64: { size: 8, align: 8, flat: 'i64', c: 'int64_t' },
  u64: { size: 8, align: 8, flat: 'i64', c: 'uint64_t' },
  f32: { size: 4, align: 4, flat: 'f32', c: 'float' },
  f64: { size: 8, align: 8, flat: 'f64', c: 'double' },
  char: { size: 4, align: 4, flat: 'i32', c: 'uint32_t' },
};

// Named types and aliases are transparent to the ABI.
export function deref(t) {
  while (t.kind === 'named') t = t.entry.def;
  return t;
}

export const alignTo = (n, a) => Math.ceil(n / a) * a;

export function discSize(n) {
  if (n <= 1 << 8) return 1;
  if (n <= 1 << 16) return 2;
  return 4;
}

export function flagsSize(n) {
  if (n === 0) return 0;
  if (n <= 8) return 1;
  if (n <= 16) return 2;
  return 4 * Math.ceil(n / 32);
}

// Cases of a type seen as a variant: [{name, type|null}]
export function variantCases(t) {
  t = deref(t);
  switch (t.kind) {
    case 'variant': return t.cases;
    case 'option': return [{ name: 'none', type: null }, { name: 'some', type: t.elem }];
    case 'result': return [{ name: 'ok', type: t.ok }, { name: 'err', type: t.err }];
    case 'enum': return t.cases.map((c) => ({ name: c, type: null }));
    default: return null;
  }
}

export function fieldTypes(t) {
  t = deref(t);
  if (t.kind === 'record') return t.fields.map((f) => f.type);
  if (t.kind === 'tuple') return t.elems;
  return null;
}

export function layout(t) {
  t = deref(t);
  switch (t.kind) {
    case 'prim':
      if (t.name === 'string') return { size: 8, align: 4 };
      return PRIM[t.name];
    case 'list': return { size: 8, align: 4 };
    case 'handle': return { size: 4, align: 4 };
    case 'flags': { const s = flagsSize(t.flags.length); return { size: s, align: Math.min(Math.max(s, 1), 4) }; }
    case 'record': case 'tuple': {
      let size = 0, align = 1;
      for (const ft of fieldTypes(t)) {
        const l = layout(ft); size = alignTo(size, l.align) + l.size; align = Math.max(align, l.align);
      }
      return { size: alignTo(size, align), align };
    }
    default: {
      const cases = variantCases(t);
      if (!cases) throw new Error(`no layout for ${t.kind}`);
      const ds = discSize(cases.length);
      let maxSize = 0, maxAlign = 1;
      for (const c of cases) if (c.type) { const l = layout(c.type); maxSize = Math.max(maxSize, l.size); maxAlign = Math.max(maxAlign, l.align); }
      const align = Math.max(ds, maxAlign);
      const payload = alignTo(ds, maxAlign);
      return { size: alignTo(payload + maxSize, align), align, payload };
    }
  }
}

export function join(a, b) {
  if (a === b) return a;
  if ((a === 'i32' && b === 'f32') || (a === 'f32' && b === 'i32')) return 'i32';
  return 'i64';
}

export function flatten(t) {
  t = deref(t);
  switch (t.kind) {
    case 'prim': return t.name === 'string' ? ['i32', 'i32'] : [PRIM[t.name].flat];
    case 'list': return ['i32', 'i32'];
    case 'handle': return ['i32'];
    case 'flags': return Array(Math.max(1, Math.ceil(t.flags.length / 32))).fill('i32');
    case 'record': case 'tuple': return fieldTypes(t).flatMap(flatten);
    default: {
      const cases = variantCases(t);
      const flat = [];
      for (const c of cases) {
        if (!c.type) continue;
        flatten(c.type).forEach((ft, i) => { flat[i] = i < flat.length ? join(flat[i], ft) : ft; });
      }
      return ['i32', ...flat];
    }
  }
}

// Does a value of this type, handed to the guest, carry memory the host must allocate
// through the guest's cabi_realloc (a string or list anywhere inside)?
export function needsRealloc(t) {
  t = deref(t);
  switch (t.kind) {
    case 'prim': return t.name === 'string';
    case 'list': return true;
    case 'handle': case 'flags': case 'enum': return false;
    case 'record': case 'tuple': return fieldTypes(t).some(needsRealloc);
    default: return variantCases(t).some((c) => c.type && needsRealloc(c.type));
  }
}

export const MAX_FLAT_PARAMS = 16;
export const MAX_FLAT_RESULTS = 1;
