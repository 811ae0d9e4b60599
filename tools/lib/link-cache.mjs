// The component cache of tools/wasm-component-ld: componentNew's output around the core
// module depends only on the module's interface, not on its code. Every import (module,
// name, kind, signature), every export (name, kind, signature), the producers section (the
// embedded copy gets wit-component's processed-by entry) and the world's component-type
// section decide the component's types, lowerings, instances and names; function bodies,
// data, internal names and memory size do not. So the first link of an interface stores
// the component minus the core module (a prefix, a suffix, and the embedded module's
// producers section), and later links with the same interface splice their module in:
// no wasm-tools, no WIT.
//
// Where: $WASIP2_LINK_CACHE, else $XDG_CACHE_HOME/wasip2-libc/link, else
// ~/.cache/wasip2-libc/link. WASIP2_LINK_CACHE=off (or an empty value) disables it. A
// directory that cannot be written just means no cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Part of every key and of every entry: bump it whenever wasm-component-ld changes how it
// makes a component (options to componentNew, sections it adds), so old entries are not used.
const FORMAT = 'wasip2-link-cache 1';

export function cacheDir() {
  const env = process.env.WASIP2_LINK_CACHE;
  if (env !== undefined) return env === '' || env === 'off' ? null : env;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : null);
  return base ? join(base, 'wasip2-libc', 'link') : null;
}

function leb(b, p) {
  let r = 0, s = 0, x;
  do {
    if (p >= b.length) throw new Error('truncated LEB128');
    x = b[p++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
  } while (x & 0x80);
  return [r, p];
}

function sections(b, start) {
  const out = [];
  let p = start;
  while (p < b.length) {
    const st = p;
    const id = b[p++];
    let n;
    [n, p] = leb(b, p);
    if (p + n > b.length) throw new Error('section past the end');
    let name = null;
    if (id === 0) {
      const [len, q] = leb(b, p);
      name = b.subarray(q, q + len).toString('utf8');
    }
    out.push({ id, st, ds: p, end: p + n, name });
    p += n;
  }
  return out;
}

function str(b, p) {
  const [n, q] = leb(b, p);
  return [b.subarray(q, q + n).toString('utf8'), q + n];
}

// One canonical text of the module's interface, or null when the module is outside what
// the cache understands (then the slow path runs).
function interfaceKey(core) {
  const secs = sections(core, 8);
  const by = (id) => secs.filter((s) => s.id === id);
  if (secs.some((s) => s.id === 0 && s.name && s.name.startsWith('component-type'))) return null;
  const types = [];
  for (const s of by(1)) {
    let [n, p] = leb(core, s.ds);
    for (let i = 0; i < n; i++) {
      if (core[p] !== 0x60) return null; // only plain function types
      const st = p++;
      let np, nr;
      [np, p] = leb(core, p); p += np;
      [nr, p] = leb(core, p); p += nr;
      types.push(core.subarray(st, p).toString('hex'));
    }
  }
  const funcTypes = []; // type of every function index
  const lines = [];
  for (const s of by(2)) {
    let [n, p] = leb(core, s.ds);
    for (let i = 0; i < n; i++) {
      let mod, name;
      [mod, p] = str(core, p);
      [name, p] = str(core, p);
      const kind = core[p++];
      if (kind === 0) {
        let t;
        [t, p] = leb(core, p);
        funcTypes.push(types[t]);
        lines.push(`import ${JSON.stringify(mod)} ${JSON.stringify(name)} func ${types[t]}`);
      } else {
        // table, memory, global: the descriptor's bytes (no indices inside)
        const st = p;
        if (kind === 1) { p++; const f = core[p++]; [, p] = leb(core, p); if (f & 1) [, p] = leb(core, p); }
        else if (kind === 2) { const f = core[p++]; [, p] = leb(core, p); if (f & 1) [, p] = leb(core, p); }
        else if (kind === 3) p += 2;
        else return null;
        lines.push(`import ${JSON.stringify(mod)} ${JSON.stringify(name)} ${kind} ${core.subarray(st, p).toString('hex')}`);
      }
    }
  }
  for (const s of by(3)) {
    let [n, p] = leb(core, s.ds);
    for (let i = 0; i < n; i++) { let t; [t, p] = leb(core, p); funcTypes.push(types[t]); }
  }
  for (const s of by(7)) {
    let [n, p] = leb(core, s.ds);
    for (let i = 0; i < n; i++) {
      let name, idx;
      [name, p] = str(core, p);
      const kind = core[p++];
      [idx, p] = leb(core, p);
      lines.push(`export ${JSON.stringify(name)} ${kind}${kind === 0 ? ` ${funcTypes[idx]}` : ''}`);
    }
  }
  for (const s of secs.filter((x) => x.id === 0 && x.name === 'producers')) {
    lines.push(`producers ${core.subarray(s.ds, s.end).toString('hex')}`);
  }
  return lines.join('\n');
}

// The cache file name for linking `core` into world `world` whose section is `section`,
// by the encoder `encoder` (its version), or null when this module cannot be cached.
export function cacheKey(core, section, world, encoder) {
  let key;
  try { key = interfaceKey(core); } catch { return null; }
  if (key === null) return null;
  const h = createHash('sha256');
  h.update(`${FORMAT}\n${encoder}\n${world}\n`).update(section).update('\n').update(key);
  return h.digest('hex');
}

// The main module inside a component: its largest core module section (the adapter-free
// components we cache have one main module and small shim modules).
function mainModule(component) {
  const secs = sections(component, 8).filter((s) => s.id === 1);
  if (!secs.length) return null;
  return secs.reduce((a, b) => (b.end - b.ds > a.end - a.ds ? b : a));
}

function encLeb(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}

// Module bytes with its producers section replaced by `producers` (a whole section).
function withProducers(core, producers) {
  const secs = sections(core, 8);
  const p = secs.find((s) => s.id === 0 && s.name === 'producers');
  if (!p) return producers.length ? null : core;
  return Buffer.concat([core.subarray(0, p.st), producers, core.subarray(p.end)]);
}

// Store the parts of `component` (made from `core`) that do not depend on the module's code.
export function store(dir, key, core, component) {
  try {
    const m = mainModule(component);
    if (!m) return;
    const embedded = component.subarray(m.ds, m.end);
    const ps = sections(embedded, 8).find((s) => s.id === 0 && s.name === 'producers');
    const producers = ps ? embedded.subarray(ps.st, ps.end) : Buffer.alloc(0);
    // only when the rest of the module went in verbatim
    const re = withProducers(core, producers);
    if (!re || Buffer.compare(re, embedded) !== 0) return;
    const prefix = component.subarray(0, m.st), suffix = component.subarray(m.end);
    const head = Buffer.from(`${FORMAT}\n${prefix.length} ${suffix.length} ${producers.length}\n`);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, Buffer.concat([head, prefix, suffix, producers]));
    renameSync(tmp, join(dir, key));
  } catch { /* no cache then */ }
}

// The component for `core` from the cache, or null.
export function lookup(dir, key, core) {
  let buf;
  try { buf = readFileSync(join(dir, key)); } catch { return null; }
  try {
    const nl1 = buf.indexOf(10), nl2 = buf.indexOf(10, nl1 + 1);
    if (buf.subarray(0, nl1).toString() !== FORMAT) return null;
    const [a, b, c] = buf.subarray(nl1 + 1, nl2).toString().split(' ').map(Number);
    let p = nl2 + 1;
    if (p + a + b + c !== buf.length) throw new Error('bad size');
    const prefix = buf.subarray(p, p += a), suffix = buf.subarray(p, p += b), producers = buf.subarray(p, p += c);
    const embedded = withProducers(core, producers);
    if (!embedded) return null;
    return Buffer.concat([prefix, Buffer.from([1]), encLeb(embedded.length), embedded, suffix]);
  } catch {
    rmSync(join(dir, key), { force: true }); // damaged: the slow path rewrites it
    return null;
  }
}
