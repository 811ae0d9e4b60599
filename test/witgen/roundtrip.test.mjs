// The WIT-to-C generator's own tests:
//  1. every binding generated from the shipped WASI WIT links into a core
//     module that wit-component accepts against the 0.2.0 command world
//     (proves each import's name and flattened core signature);
//  2. a guest built from test/witgen/synthetic.wit (records, variants with
//     joined flat types, enums, flags, options, results, tuples, lists,
//     strings, resources, >16 flat params) round-trips every value through
//     a JS host that echoes it back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadPackages, generateC, writeWitTree } from '../../tools/witgen/witgen.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'witgen-test-'));
const jcoWit = path.join(root, 'node_modules/@bytecodealliance/jco/lib/wit/builtin/0.2.12');
const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
_setPreopens({ '/': '/' });
const { componentEmbed, componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');
const { transpile } = await import('@bytecodealliance/jco-transpile');

let failed = 0;
const check = (ok, what) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failed++; };
// Debian's preview1 libc supplies memcmp/realloc for these bare test guests.
const wasiLibc = process.env.WASI_LIBC_DIR || '/usr/lib/wasm32-wasi';
const wasiInc = process.env.WASI_INCLUDE_DIR || '/usr/include/wasm32-wasi';
const cc = (args) => {
  try {
    execFileSync('clang-22', ['--target=wasm32-wasip1', '-isystem', wasiInc, '-nostdlib', '-O2', '-Wl,--no-entry', ...args, path.join(wasiLibc, 'libc.a')], { stdio: 'pipe' });
  } catch (e) { console.log(String(e.stderr)); throw new Error('compile failed'); }
};

// 1. WASI bindings: reference every wrapper so every import is emitted.
{
  const pkgs = loadPackages(jcoWit, { exclude: ['wasi-http'], version: '0.2.0' });
  const { h } = generateC(pkgs);
  fs.writeFileSync(path.join(tmp, 'wasip2_bindings.h'), h);
  writeWitTree(pkgs, path.join(tmp, 'wit'));
  const names = [...h.matchAll(/^static __inline__ \S+ (\w+)\(/gm)].map((m) => m[1]);
  check(names.length > 100, `generated ${names.length} WASI wrappers`);
  const src = `#include "wasip2_bindings.h"\n#include <stdlib.h>\n` +
    `void *cabi_realloc(void *p, size_t o, size_t a, size_t n) { (void)o; (void)a; return realloc(p, n); }\n` +
    `__attribute__((export_name("wasi:cli/run@0.2.0#run"))) int32_t run(void) { return 0; }\n` +
    `static void *volatile all[] = {\n${names.map((n) => `  (void *)${n},`).join('\n')}\n};\n` +
    `__attribute__((export_name("keep"))) void *keep(int i) { return all[i]; }\n`;
  fs.writeFileSync(path.join(tmp, 'all.c'), src);
  cc(['-I', tmp, path.join(tmp, 'all.c'), '-Wl,--export=cabi_realloc', '-o', path.join(tmp, 'all.wasm')]);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(path.join(tmp, 'all.wasm'))));
  check(imports.length === names.length, `core module imports all ${names.length} functions (${imports.length})`);
  check(imports.every((i) => i.module.startsWith('wasi:') && i.module.endsWith('@0.2.0')), 'every import is a wasi:*@0.2.0 module');
  try {
    const embedded = await componentEmbed({ binary: fs.readFileSync(path.join(tmp, 'all.wasm')), witPath: path.join(tmp, 'wit'), world: 'wasip2-libc:component/command' });
    const comp = await componentNew(embedded);
    check(comp.length > 0, 'wit-component accepts every generated import signature');
  } catch (e) {
    check(false, `wit-component rejected the bindings: ${e.message ?? e}`);
  }
}

// 2. synthetic round trip
{
  const d = path.join(tmp, 'shapes');
  fs.mkdirSync(path.join(d, 'wit'), { recursive: true });
  fs.copyFileSync(path.join(root, 'test/witgen/synthetic.wit'), path.join(d, 'wit', 'shapes.wit'));
  const pkgs = loadPackages(path.join(d, 'wit'));
  const { h } = generateC(pkgs, 'shapes_bindings.h');
  fs.writeFileSync(path.join(d, 'shapes_bindings.h'), h);
  cc(['-I', d, path.join(root, 'test/witgen/shapes_guest.c'), '-Wl,--export=cabi_realloc', '-o', path.join(d, 'core.wasm')]);
  const embedded = await componentEmbed({ binary: fs.readFileSync(path.join(d, 'core.wasm')), witPath: path.join(d, 'wit'), world: 'test:shapes/shapes-world' });
  const comp = await componentNew(embedded);
  fs.writeFileSync(path.join(d, 'shapes.wasm'), comp);
  const out = await transpile(path.join(d, 'shapes.wasm'), { name: 'shapes', instantiation: 'async', noComponentErrorWrapping: true });
  for (const [f, bytes] of Object.entries(out.files)) { fs.mkdirSync(path.dirname(path.join(d, 'js', f)), { recursive: true }); fs.writeFileSync(path.join(d, 'js', f), bytes); }
  class Thing {
    constructor(name) { this.name = name; }
    getName() { return this.name; }
    static make(n) { return new Thing(String(n)); }
    combine(other) { if (other === this) throw 'bad'; return new Thing(`${this.name}+${other.name}`); }
  }
  const shapeValue = (s) => (s.tag === 'wide' || s.tag === 'circle' ? s.val : s.tag === 'rect' ? Number(s.val[0]) + s.val[1] : 0);
  const host = {
    Thing,
    echoPoint: (p) => p, echoMixed: (m) => m, echoShape: (s) => s, echoPerms: (p) => p, echoKind: (k) => k,
    echoList: (l) => l, echoStrings: (l) => l, echoOption: (o) => o,
    echoResult: (r) => { if (r.tag === 'err') throw r.val; return r.val; },
    echoTuple: (t) => t, nothing: () => {},
    unitResult: (fail) => { if (fail) throw undefined; },
    sum17: (...a) => a.reduce((x, y) => BigInt(x) + BigInt(y), 0n),
    bigShape: (a, b) => shapeValue(a) + shapeValue(b),
  };
  const mod = await import(pathToFileURL(path.join(d, 'js', 'shapes.js')));
  const inst = await mod.instantiate((f) => WebAssembly.compile(fs.readFileSync(path.join(d, 'js', f))), { 'test:shapes/shapes@1.0.0': host, 'test:shapes/shapes': host });
  const r = inst.run();
  check(r === 0, `every synthetic shape round-trips (failure code ${r}: line numbers of failed checks)`);
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(failed ? `${failed} generator checks failed` : 'all generator checks passed');
process.exit(failed ? 1 : 0);
