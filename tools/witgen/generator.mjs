// witgen's C generator: C types, layout asserts, import declarations and canonical-ABI glue
// (static inline wrappers) for the interfaces of a set of parsed WIT packages.
import { PRIM, layout, flatten, deref, variantCases, needsRealloc, MAX_FLAT_PARAMS, MAX_FLAT_RESULTS } from './abi.mjs';
import { snake, field, upper, CORE_C } from './cnames.mjs';

export class Generator {
  constructor(pkgs) {
    this.pkgs = pkgs;
    this.ifaces = new Map(); // "ns:pkg/iface" -> {pkg, iface, scope: Map(name -> entry)}
    for (const pkg of pkgs) for (const iface of Object.values(pkg.interfaces)) {
      this.ifaces.set(`${pkg.ns}:${pkg.name}/${iface.name}`, { pkg, iface, scope: null });
    }
    this.typeOut = [];
    this.emitted = new Set();
    this.funcOut = [];
    this.asserts = [];
  }

  scope(key) {
    const info = this.ifaces.get(key);
    if (!info) throw new Error(`unknown interface ${key}`);
    if (info.scope) return info.scope;
    info.scope = new Map();
    const { pkg, iface } = info;
    const base = `${snake(pkg.ns)}_${snake(pkg.name)}_${snake(iface.name)}`;
    for (const it of iface.items) {
      if (it.kind === 'use') {
        const p = it.path;
        const target = p.local ? `${pkg.ns}:${pkg.name}/${p.local}` : `${p.ns}:${p.pkg}/${p.iface}`;
        for (const n of it.names) {
          const other = this.scope(target).get(n.name);
          if (!other) throw new Error(`${key}: use of unknown ${target}.${n.name}`);
          info.scope.set(n.as, other);
        }
      } else if (it.kind === 'type') {
        info.scope.set(it.name, { name: it.name, ifaceKey: key, cbase: `${base}_${snake(it.name)}`, raw: it.def, def: null });
      }
    }
    for (const entry of info.scope.values()) if (entry.ifaceKey === key && !entry.def) this.resolveEntry(entry);
    return info.scope;
  }

  resolveEntry(entry) {
    if (entry.def || entry.resolving) return;
    entry.resolving = true;
    const r = (t) => this.resolve(t, entry.ifaceKey);
    const d = entry.raw;
    switch (d.kind) {
      case 'alias': entry.def = r(d.type); break;
      case 'record': entry.def = { kind: 'record', fields: d.fields.map((f) => ({ name: f.name, type: r(f.type) })) }; break;
      case 'variant': entry.def = { kind: 'variant', cases: d.cases.map((c) => ({ name: c.name, type: c.type ? r(c.type) : null })) }; break;
      case 'enum': entry.def = { kind: 'enum', cases: d.cases }; break;
      case 'flags': entry.def = { kind: 'flags', flags: d.flags }; break;
      case 'resource': entry.def = { kind: 'handle', own: true, entry }; break;
      default: throw new Error(`cannot resolve ${d.kind}`);
    }
    entry.resolving = false;
  }

  resolve(t, key) {
    if (!t) return null;
    switch (t.kind) {
      case 'prim': return t;
      case 'list': case 'option': return { kind: t.kind, elem: this.resolve(t.elem, key) };
      case 'tuple': return { kind: 'tuple', elems: t.elems.map((e) => this.resolve(e, key)) };
      case 'result': return { kind: 'result', ok: this.resolve(t.ok, key), err: this.resolve(t.err, key) };
      case 'handle': {
        const e = this.lookup(t.name, key);
        return { kind: 'handle', own: t.own, entry: e };
      }
      case 'ref': {
        const e = this.lookup(t.name, key);
        if (e.raw.kind === 'resource') return { kind: 'handle', own: true, entry: e };
        return { kind: 'named', entry: e };
      }
      default: throw new Error(`cannot resolve ${t.kind}`);
    }
  }

  lookup(name, key) {
    const e = this.scope(key).get(name);
    if (!e) throw new Error(`${key}: unknown type ${name}`);
    this.resolveEntry(e);
    return e;
  }

  // --- C naming ---------------------------------------------------------
  key(t) {
    if (!t) return 'void';
    switch (t.kind) {
      case 'named': return t.entry.cbase;
      case 'handle': return t.entry.cbase;
      case 'prim': return t.name;
      case 'list': return `list_${this.key(t.elem)}`;
      case 'option': return `option_${this.key(t.elem)}`;
      case 'result': return `result_${this.key(t.ok)}_${this.key(t.err)}`;
      case 'tuple': return `tuple${t.elems.length}_${t.elems.map((e) => this.key(e)).join('_')}`;
      default: return t.kind;
    }
  }

  ctype(t) {
    switch (t.kind) {
      case 'named': case 'handle': this.emitNamed(t.entry); return `${t.entry.cbase}_t`;
      case 'prim': if (t.name === 'string') return 'wasip2_string_t'; return PRIM[t.name].c;
      default: this.emitAnon(t); return `wasip2_${this.key(t)}_t`;
    }
  }

  assertLayout(cname, t) {
    const l = layout(t);
    this.asserts.push(`_Static_assert(sizeof(${cname}) == ${l.size} && _Alignof(${cname}) == ${l.align}, "canonical ABI layout of ${cname}");`);
  }

  variantBody(cases, tagField, tagType, unionStyle) {
    const lines = [`  ${tagType} ${tagField};`];
    const payload = cases.filter((c) => c.type);
    if (payload.length) {
      lines.push('  union {');
      for (const c of payload) lines.push(`    ${this.ctype(c.type)} ${unionStyle(c)};`);
      lines.push('  } val;');
    }
    return lines;
  }

  emitAnon(t) {
    const cname = `wasip2_${this.key(t)}_t`;
    if (this.emitted.has(cname)) return;
    this.emitted.add(cname);
    let body;
    switch (t.kind) {
      case 'list': body = [`  ${this.ctype(t.elem)} *ptr;`, '  size_t len;']; break;
      case 'tuple': body = t.elems.map((e, i) => `  ${this.ctype(e)} f${i};`); break;
      case 'option':
        body = ['  bool is_some;', `  ${this.ctype(t.elem)} val;`]; break;
      case 'result': {
        body = ['  bool is_err;'];
        const u = [];
        if (t.ok) u.push(`    ${this.ctype(t.ok)} ok;`);
        if (t.err) u.push(`    ${this.ctype(t.err)} err;`);
        if (u.length) body.push('  union {', ...u, '  } val;');
        break;
      }
      default: throw new Error(`anon ${t.kind}`);
    }
    this.typeOut.push(`typedef struct {\n${body.join('\n')}\n} ${cname};\n`);
    this.assertLayout(cname, t);
  }

  emitNamed(entry) {
    const cname = `${entry.cbase}_t`;
    if (this.emitted.has(cname)) return;
    this.emitted.add(cname);
    const d = entry.def;
    const U = upper(entry.cbase);
    const out = [];
    if (entry.raw.kind === 'resource') {
      out.push(`// resource ${entry.ifaceKey}.${entry.name}: a handle (own and borrow share the C type)`);
      out.push(`typedef int32_t ${cname};\n`);
      this.typeOut.push(out.join('\n'));
      return;
    }
    switch (d.kind === 'named' || entry.raw.kind === 'alias' ? 'alias' : d.kind) {
      case 'alias': out.push(`typedef ${this.ctype(d)} ${cname};\n`); break;
      case 'record':
        out.push(`typedef struct {\n${d.fields.map((f) => `  ${this.ctype(f.type)} ${field(f.name)};`).join('\n')}\n} ${cname};\n`);
        break;
      case 'enum': {
        const ds = layout(d).size;
        out.push(`typedef uint${ds * 8}_t ${cname};`);
        out.push(`enum {\n${d.cases.map((c, i) => `  ${U}_${upper(c)} = ${i},`).join('\n')}\n};\n`);
        break;
      }
      case 'flags': {
        const s = layout(d).size;
        if (d.flags.length > 32) throw new Error(`${cname}: flags wider than 32 bits are not supported`);
        out.push(`typedef uint${Math.max(s, 1) * 8}_t ${cname};`);
        out.push(d.flags.map((f, i) => `#define ${U}_${upper(f)} ((${cname})1u << ${i})`).join('\n') + '\n');
        break;
      }
      case 'variant': {
        const ds = layout(d).size && variantCases(d).length <= 256 ? 8 : 16;
        const tags = d.cases.map((c, i) => `  ${U}_${upper(c.name)} = ${i},`);
        const body = this.variantBody(d.cases, 'tag', `uint${ds}_t`, (c) => field(c.name));
        out.push(`enum {\n${tags.join('\n')}\n};`);
        out.push(`typedef struct {\n${body.join('\n')}\n} ${cname};\n`);
        break;
      }
      default: throw new Error(`named ${d.kind}`);
    }
    this.typeOut.push(out.join('\n'));
    this.assertLayout(cname, { kind: 'named', entry });
  }

  // --- lowering -----------------------------------------------------------
  assign(sink, src, value, out) {
    const dst = sink.type;
    let v = value;
    if (dst !== src) {
      if (src === 'i32' && dst === 'i64') v = `(int64_t)(uint32_t)(${value})`;
      else if (src === 'f32' && dst === 'i32') v = `((union { float f; int32_t i; }){ .f = (${value}) }).i`;
      else if (src === 'f32' && dst === 'i64') v = `(int64_t)(uint32_t)((union { float f; int32_t i; }){ .f = (${value}) }).i`;
      else if (src === 'f64' && dst === 'i64') v = `((union { double f; int64_t i; }){ .f = (${value}) }).i`;
      else throw new Error(`cannot join ${src} into ${dst}`);
    }
    out.push(`${sink.name} = ${v};`);
  }

  lower(t, expr, sinks, out) {
    const d = deref(t);
    switch (d.kind) {
      case 'prim':
        if (d.name === 'string') {
          this.assign(sinks[0], 'i32', `(int32_t)(uintptr_t)(${expr}).ptr`, out);
          this.assign(sinks[1], 'i32', `(int32_t)(${expr}).len`, out);
        } else if (d.name === 'bool') this.assign(sinks[0], 'i32', `(${expr}) ? 1 : 0`, out);
        else this.assign(sinks[0], PRIM[d.name].flat, `(${CORE_C[PRIM[d.name].flat]})(${expr})`, out);
        return;
      case 'list':
        this.assign(sinks[0], 'i32', `(int32_t)(uintptr_t)(${expr}).ptr`, out);
        this.assign(sinks[1], 'i32', `(int32_t)(${expr}).len`, out);
        return;
      case 'handle': case 'enum': case 'flags':
        this.assign(sinks[0], 'i32', `(int32_t)(${expr})`, out);
        return;
      case 'record': case 'tuple': {
        let off = 0;
        const fields = d.kind === 'record' ? d.fields.map((f) => [f.type, field(f.name)]) : d.elems.map((e, i) => [e, `f${i}`]);
        for (const [ft, fname] of fields) {
          const n = flatten(ft).length;
          this.lower(ft, `(${expr}).${fname}`, sinks.slice(off, off + n), out);
          off += n;
        }
        return;
      }
      default: {
        const cases = variantCases(d);
        const tagField = d.kind === 'option' ? 'is_some' : d.kind === 'result' ? 'is_err' : 'tag';
        this.assign(sinks[0], 'i32', `(int32_t)(${expr}).${tagField}`, out);
        const withPayload = cases.map((c, i) => [c, i]).filter(([c]) => c.type);
        if (!withPayload.length) return;
        out.push(`switch ((int32_t)(${expr}).${tagField}) {`);
        for (const [c, i] of withPayload) {
          const pexpr = d.kind === 'option' ? `(${expr}).val` : `(${expr}).val.${d.kind === 'result' ? c.name : field(c.name)}`;
          const n = flatten(c.type).length;
          const inner = [];
          this.lower(c.type, pexpr, sinks.slice(1, 1 + n), inner);
          out.push(`  case ${i}: {`, ...inner.map((l) => '    ' + l), '    break;', '  }');
        }
        out.push('}');
      }
    }
  }

  byValue(t) {
    const d = deref(t);
    return (d.kind === 'prim' && d.name !== 'string') || d.kind === 'enum' || d.kind === 'flags' || d.kind === 'handle';
  }

  // --- functions ------------------------------------------------------------
  // the import's names and its C-level parameters and result
  importOf(info, f, kind, resEntry) {
    const { pkg, iface } = info;
    const key = `${pkg.ns}:${pkg.name}/${iface.name}`;
    const module = `${key}${pkg.version ? '@' + pkg.version : ''}`;
    const base = `${snake(pkg.ns)}_${snake(pkg.name)}_${snake(iface.name)}`;
    let importName, cname;
    const params = f.params.map((p) => ({ name: field(p.name), type: this.resolve(p.type, key) }));
    let result = f.result ? this.resolve(f.result, key) : null;
    switch (kind) {
      case 'func': importName = f.name; cname = `${base}_${snake(f.name)}`; break;
      case 'method':
        importName = `[method]${resEntry.name}.${f.name}`; cname = `${resEntry.cbase}_${snake(f.name)}`;
        params.unshift({ name: 'self', type: { kind: 'handle', own: false, entry: resEntry } });
        break;
      case 'static': importName = `[static]${resEntry.name}.${f.name}`; cname = `${resEntry.cbase}_${snake(f.name)}`; break;
      case 'constructor':
        importName = `[constructor]${resEntry.name}`; cname = `${resEntry.cbase}_new`;
        result = { kind: 'handle', own: true, entry: resEntry };
        break;
      case 'drop':
        importName = `[resource-drop]${resEntry.name}`; cname = `${resEntry.cbase}_drop`;
        params.unshift({ name: 'self', type: { kind: 'handle', own: true, entry: resEntry } });
        break;
      default: throw new Error(kind);
    }
    return { module, importName, cname, params, result, key };
  }

  func(info, f, kind, resEntry) {
    const { module, importName, cname, params, result } = this.importOf(info, f, kind, resEntry);
    const flatParams = params.flatMap((p) => flatten(p.type));
    const flatResults = result ? flatten(result) : [];
    const paramsInMemory = flatParams.length > MAX_FLAT_PARAMS;
    const resultInMemory = flatResults.length > MAX_FLAT_RESULTS;
    const coreParams = paramsInMemory ? ['i32'] : [...flatParams];
    if (resultInMemory) coreParams.push('i32');
    const coreResult = resultInMemory || !flatResults.length ? 'void' : CORE_C[flatResults[0]];
    const importSym = `__wasm_import_${cname}`;

    // C-level signature
    const sig = [];
    for (const p of params) sig.push(this.byValue(p.type) ? `${this.ctype(p.type)} ${p.name}` : `const ${this.ctype(p.type)} *${p.name}`);
    const rd = result ? deref(result) : null;
    let cret = 'void', form = 'none';
    if (rd && rd.kind === 'result') {
      form = 'result'; cret = 'bool';
      if (rd.ok) sig.push(`${this.ctype(rd.ok)} *ret`);
      if (rd.err) sig.push(`${this.ctype(rd.err)} *err`);
    } else if (result && this.byValue(result)) { form = 'value'; cret = this.ctype(result); }
    else if (result) { form = 'out'; sig.push(`${this.ctype(result)} *ret`); }

    const body = this.callBody({ params, result, rd, form, cret, flatParams, paramsInMemory, resultInMemory, coreResult, importSym });
    this.funcOut.push(
      `__attribute__((__import_module__("${module}"), __import_name__("${importName}")))\n` +
      `extern ${coreResult} ${importSym}(${coreParams.map((t) => CORE_C[t]).join(', ') || 'void'});\n` +
      `static __inline__ ${cret} ${cname}(${sig.join(', ') || 'void'}) {\n${body.map((l) => '  ' + l).join('\n')}\n}\n`);
  }

  // the wrapper's statements: parameters lowered, the call, its result lifted
  callBody({ params, result, rd, form, cret, flatParams, paramsInMemory, resultInMemory, coreResult, importSym }) {
    const body = [];
    // A call whose result the host allocates links the guest's cabi_realloc (see the
    // header's preamble): programs that make no such call carry no allocator for it.
    if (result && needsRealloc(result)) body.push('WASIP2_NEEDS_CABI_REALLOC();');
    let args;
    if (paramsInMemory) {
      const tup = { kind: 'tuple', elems: params.map((p) => p.type) };
      const tc = this.ctype(tup);
      body.push(`${tc} params_area;`);
      params.forEach((p, i) => body.push(`params_area.f${i} = ${this.byValue(p.type) ? p.name : `*${p.name}`};`));
      args = ['(int32_t)(uintptr_t)&params_area'];
    } else {
      const sinks = flatParams.map((ty, i) => ({ name: `a${i}`, type: ty }));
      for (const s of sinks) body.push(`${CORE_C[s.type]} ${s.name} = 0;`);
      let off = 0;
      for (const p of params) {
        const n = flatten(p.type).length;
        this.lower(p.type, this.byValue(p.type) ? p.name : `(*${p.name})`, sinks.slice(off, off + n), body);
        off += n;
      }
      args = sinks.map((s) => s.name);
    }
    if (resultInMemory) {
      if (form === 'out') args.push('(int32_t)(uintptr_t)ret');
      else { body.push(`${this.ctype(result)} ret_area;`); args.push('(int32_t)(uintptr_t)&ret_area'); }
    }
    const call = `${importSym}(${args.join(', ')})`;
    if (!result) body.push(`${call};`);
    else if (resultInMemory) {
      body.push(`${call};`);
      if (form === 'result') {
        body.push('if (ret_area.is_err) {');
        if (rd.err) body.push('  if (err) *err = ret_area.val.err;');
        body.push('  return false;', '}');
        if (rd.ok) body.push('if (ret) *ret = ret_area.val.ok;');
        body.push('return true;');
      } else if (form === 'value') body.push('return ret_area;');
    } else {
      body.push(`${coreResult} r = ${call};`);
      if (form === 'result') body.push('return r == 0;');
      else if (form === 'value') body.push(rd.kind === 'prim' && rd.name === 'bool' ? 'return r != 0;' : `return (${cret})r;`);
      else {
        const tagField = rd.kind === 'option' ? 'is_some' : 'tag';
        body.push(`ret->${tagField} = r;`);
      }
    }
    return body;
  }

  // Interfaces a world exports are implemented by the guest, not imported.
  exportedInterfaces() {
    const out = new Set();
    for (const pkg of this.pkgs) for (const w of Object.values(pkg.worlds)) for (const it of w.items) {
      if (it.kind !== 'export' || !it.path) continue;
      const p = it.path;
      out.add(p.local ? `${pkg.ns}:${pkg.name}/${p.local}` : `${p.ns}:${p.pkg}/${p.iface}`);
    }
    return out;
  }

  generate() {
    const exported = this.exportedInterfaces();
    for (const [key, info] of this.ifaces) {
      if (exported.has(key)) continue;
      const scope = this.scope(key);
      this.funcOut.push(`// ---- ${key} ----`);
      for (const entry of scope.values()) if (entry.ifaceKey === key) this.emitNamed(entry);
      for (const it of info.iface.items) {
        if (it.kind === 'func') this.func(info, it, 'func');
        if (it.kind === 'type' && it.def.kind === 'resource') {
          const entry = scope.get(it.name);
          for (const f of it.def.funcs) this.func(info, f, f.fkind, entry);
          this.func(info, { params: [], result: null }, 'drop', entry);
        }
      }
    }
  }
}
