// WIT reader for the subset of the language the WASI 0.2 packages use:
// packages, interfaces, worlds, `use`, resources, records, variants, enums,
// flags, type aliases, functions and feature gates.  It also remembers each
// item's source span so the gated items can be cut from the text we ship.

const PUNCT = new Set(['{', '}', '(', ')', '<', '>', ',', ';', ':', '=', '.', '/', '@', '*']);

export function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (src.startsWith('//', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith('/*', i)) { const e = src.indexOf('*/', i + 2); i = e < 0 ? src.length : e + 2; continue; }
    if (src.startsWith('->', i)) { toks.push({ t: '->', pos: i }); i += 2; continue; }
    if (PUNCT.has(c)) { toks.push({ t: c, pos: i }); i++; continue; }
    const m = /^%?[A-Za-z0-9_][A-Za-z0-9_\-]*/.exec(src.slice(i, i + 200));
    if (!m) throw new Error(`unexpected character '${c}' at offset ${i}`);
    toks.push({ t: 'id', v: m[0].replace(/^%/, ''), pos: i, end: i + m[0].length });
    i += m[0].length;
  }
  toks.push({ t: 'eof', pos: src.length });
  return toks;
}

class Parser {
  constructor(src, file) { this.src = src; this.fileName = file; this.toks = tokenize(src); this.i = 0; }
  peek(o = 0) { return this.toks[this.i + o]; }
  next() { return this.toks[this.i++]; }
  fail(msg) {
    const tok = this.peek();
    const line = this.src.slice(0, tok.pos).split('\n').length;
    throw new Error(`${this.fileName}:${line}: ${msg} (at '${tok.v ?? tok.t}')`);
  }
  expect(t, v) {
    const tok = this.next();
    if (tok.t !== t || (v !== undefined && tok.v !== v)) { this.i--; this.fail(`expected ${v ?? t}`); }
    return tok;
  }
  accept(t, v) {
    const tok = this.peek();
    if (tok.t === t && (v === undefined || tok.v === v)) { this.i++; return tok; }
    return null;
  }
  id() { return this.expect('id').v; }
  // version like 0.2.12 arrives as id '0' '.' id '2' ... : glue them back
  version() {
    let v = this.id();
    while (this.peek().t === '.' && this.peek(1).t === 'id' && /^[0-9]/.test(this.peek(1).v)) { this.next(); v += '.' + this.next().v; }
    return v;
  }
  attributes() {
    const attrs = [];
    let start = null;
    while (this.peek().t === '@') {
      if (start === null) start = this.peek().pos;
      this.next();
      const name = this.id();
      const args = {};
      if (this.accept('(')) {
        while (!this.accept(')')) {
          const k = this.id(); this.expect('=');
          args[k] = this.version();
          this.accept(',');
        }
      }
      attrs.push({ name, args });
    }
    return { attrs, start };
  }
  // package path: ns:name/iface@ver or a bare local name
  usePath() {
    const first = this.id();
    if (this.accept(':')) {
      const pkg = this.id();
      let iface = null, version = null;
      if (this.accept('/')) iface = this.id();
      if (this.accept('@')) version = this.version();
      return { ns: first, pkg, iface, version };
    }
    return { local: first };
  }
  type() {
    const name = this.id();
    const generic = (n) => {
      this.expect('<'); const args = [];
      for (;;) {
        if (this.peek().t === 'id' && this.peek().v === '_') { this.next(); args.push(null); }
        else args.push(this.type());
        if (this.accept('>')) break;
        this.expect(',');
      }
      if (n >= 0 && args.length !== n) this.fail(`${name} takes ${n} type arguments`);
      return args;
    };
    switch (name) {
      case 'list': return { kind: 'list', elem: generic(1)[0] };
      case 'option': return { kind: 'option', elem: generic(1)[0] };
      case 'tuple': return { kind: 'tuple', elems: generic(-1) };
      case 'own': return { kind: 'handle', own: true, name: generic(1)[0].name };
      case 'borrow': return { kind: 'handle', own: false, name: generic(1)[0].name };
      case 'result': {
        if (this.peek().t !== '<') return { kind: 'result', ok: null, err: null };
        const a = generic(-1);
        return { kind: 'result', ok: a[0] ?? null, err: a.length > 1 ? a[1] : null };
      }
      case 'bool': case 's8': case 'u8': case 's16': case 'u16': case 's32': case 'u32':
      case 's64': case 'u64': case 'f32': case 'f64': case 'char': case 'string':
        return { kind: 'prim', name };
      case 'float32': return { kind: 'prim', name: 'f32' };
      case 'float64': return { kind: 'prim', name: 'f64' };
      default: return { kind: 'ref', name };
    }
  }
  func() {
    this.expect('id', 'func'); this.expect('(');
    const params = [];
    while (!this.accept(')')) {
      const n = this.id(); this.expect(':'); params.push({ name: n, type: this.type() });
      this.accept(',');
    }
    let result = null;
    if (this.accept('->')) result = this.type();
    this.expect(';');
    return { params, result };
  }
  cases(withTypes) {
    this.expect('{'); const cases = [];
    while (!this.accept('}')) {
      this.attributes();
      const n = this.id(); let type = null;
      if (withTypes && this.accept('(')) { type = this.type(); this.expect(')'); }
      cases.push({ name: n, type });
      this.accept(',');
    }
    return cases;
  }
  interfaceBody(iface) {
    this.expect('{');
    while (!this.accept('}')) {
      const { attrs, start } = this.attributes();
      const itemStart = start ?? this.peek().pos;
      const kw = this.id();
      let item;
      switch (kw) {
        case 'use': {
          const path = this.usePath(); this.expect('.'); this.expect('{');
          const names = [];
          while (!this.accept('}')) {
            const n = this.id(); let as = n;
            if (this.accept('id', 'as')) as = this.id();
            names.push({ name: n, as }); this.accept(',');
          }
          this.expect(';');
          item = { kind: 'use', path, names };
          break;
        }
        case 'type': { const n = this.id(); this.expect('='); const t = this.type(); this.expect(';'); item = { kind: 'type', name: n, def: { kind: 'alias', type: t } }; break; }
        case 'record': {
          const n = this.id(); this.expect('{'); const fields = [];
          while (!this.accept('}')) { this.attributes(); const f = this.id(); this.expect(':'); fields.push({ name: f, type: this.type() }); this.accept(','); }
          item = { kind: 'type', name: n, def: { kind: 'record', fields } }; break;
        }
        case 'variant': { const n = this.id(); item = { kind: 'type', name: n, def: { kind: 'variant', cases: this.cases(true) } }; break; }
        case 'enum': { const n = this.id(); item = { kind: 'type', name: n, def: { kind: 'enum', cases: this.cases(false).map((c) => c.name) } }; break; }
        case 'flags': { const n = this.id(); item = { kind: 'type', name: n, def: { kind: 'flags', flags: this.cases(false).map((c) => c.name) } }; break; }
        case 'resource': {
          const n = this.id(); const funcs = [];
          if (!this.accept(';')) {
            this.expect('{');
            while (!this.accept('}')) {
              const a = this.attributes();
              const fStart = a.start ?? this.peek().pos;
              const fname = this.id();
              let fkind = 'method', f;
              if (fname === 'constructor') {
                fkind = 'constructor'; this.expect('(');
                const params = [];
                while (!this.accept(')')) { const pn = this.id(); this.expect(':'); params.push({ name: pn, type: this.type() }); this.accept(','); }
                this.expect(';');
                f = { params, result: null };
              } else {
                this.expect(':');
                if (this.accept('id', 'static')) fkind = 'static';
                f = this.func();
              }
              funcs.push({ name: fname, fkind, ...f, attrs: a.attrs, span: [fStart, this.toks[this.i - 1].pos + 1] });
            }
          }
          item = { kind: 'type', name: n, def: { kind: 'resource', funcs } };
          break;
        }
        default: {
          this.expect(':');
          item = { kind: 'func', name: kw, ...this.func() };
        }
      }
      item.attrs = attrs;
      item.span = [itemStart, this.toks[this.i - 1].pos + 1];
      iface.items.push(item);
    }
  }
  worldBody(world) {
    this.expect('{');
    while (!this.accept('}')) {
      const { attrs, start } = this.attributes();
      const itemStart = start ?? this.peek().pos;
      const kw = this.id();
      if (this.peek().t === 'id' && this.peek(1).t === ':' && this.peek(2).t === 'id' && this.peek(2).v === 'func') {
        const name = this.id(); this.expect(':');
        world.items.push({ kind: kw, func: { name, ...this.func() }, attrs, span: [itemStart, this.toks[this.i - 1].pos + 1] });
        continue;
      }
      const path = this.usePath();
      this.expect(';');
      world.items.push({ kind: kw, path, attrs, span: [itemStart, this.toks[this.i - 1].pos + 1] });
    }
  }
  file() {
    const pkg = { interfaces: {}, worlds: {}, spans: [] };
    this.attributes();
    this.expect('id', 'package');
    pkg.ns = this.id(); this.expect(':'); pkg.name = this.id();
    if (this.accept('@')) pkg.version = this.version();
    this.expect(';');
    while (this.peek().t !== 'eof') {
      const { attrs, start } = this.attributes();
      const itemStart = start ?? this.peek().pos;
      const kw = this.id();
      const name = this.id();
      if (kw === 'interface') {
        const iface = { name, items: [], attrs };
        this.interfaceBody(iface);
        iface.span = [itemStart, this.toks[this.i - 1].pos + 1];
        pkg.interfaces[name] = iface;
      } else if (kw === 'world') {
        const world = { name, items: [], attrs };
        this.worldBody(world);
        world.span = [itemStart, this.toks[this.i - 1].pos + 1];
        pkg.worlds[name] = world;
      } else this.fail(`unknown top-level item ${kw}`);
    }
    return pkg;
  }
}

export function parseWit(src, file = '<wit>') {
  const p = new Parser(src, file);
  const pkg = p.file();
  pkg.src = src;
  return pkg;
}

export const isGated = (attrs, dropNames, name) =>
  (attrs || []).some((a) => a.name === 'unstable') || (dropNames && dropNames.has(name));

// Remove every @unstable item (and any item named in dropNames, as
// "iface.func") from a package and from its source text.
export function stripGated(pkg, dropNames = new Set()) {
  const cuts = [];
  for (const [iname, iface] of Object.entries(pkg.interfaces)) {
    if (isGated(iface.attrs)) { cuts.push(iface.span); delete pkg.interfaces[iname]; continue; }
    iface.items = iface.items.filter((it) => {
      if (isGated(it.attrs, dropNames, `${iname}.${it.name}`)) { cuts.push(it.span); return false; }
      if (it.kind === 'type' && it.def.kind === 'resource') {
        it.def.funcs = it.def.funcs.filter((f) => {
          if (isGated(f.attrs, dropNames, `${iname}.${it.name}.${f.name}`)) { cuts.push(f.span); return false; }
          return true;
        });
      }
      return true;
    });
  }
  for (const world of Object.values(pkg.worlds)) {
    world.items = world.items.filter((it) => { if (isGated(it.attrs)) { cuts.push(it.span); return false; } return true; });
  }
  cuts.sort((a, b) => b[0] - a[0]);
  let src = pkg.src;
  for (const [s, e] of cuts) src = src.slice(0, s) + src.slice(e);
  pkg.src = src;
  return pkg;
}
