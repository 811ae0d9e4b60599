// The two lowerings of the hot wasi:filesystem calls, driven through every case of their WIT
// variant types: the glue's own (jco lowers what the native host's Descriptor returns) and the
// core-ABI one (tools/lib/glue-fast.mjs's trampoline code + tools/lib/host/filesystem.mjs +
// wasip2_host.c's *_raw functions write the guest's return area themselves).
//
// The real glue of test/host/raw_fs.c, rewritten as the runner runs it, is instantiated twice
// over the native host, once with the core-ABI paths and once without, each over a fake core
// instance: a plain WebAssembly.Memory and a bump allocator, no guest code. The test calls the
// glue's core-level imports directly, as the guest would, with the same arguments on both, and
// compares the bytes each writes. What the kernel answers is injected (wasip2_host.c's
// inject()): every errno the host maps (so every wasi:filesystem error-code, and an unmapped
// errno, which is `io`), every descriptor-type (unknown included), extreme sizes, link counts,
// times and inode numbers. Covered: stat-at and stat (result<descriptor-stat, error-code>;
// option<datetime> is always some: Linux always has the three times), metadata-hash-at and
// metadata-hash, open-at (result<descriptor, error-code>, and the open(2) flags made from every
// path-flags x open-flags x descriptor-flags combination), read (result<tuple<list<u8>, bool>,
// error-code>, eof false and true). Each call is checked to have taken the path it is meant to.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { ROOT, tempDir } from '../tools/fixtures.mjs';

const lib = (f) => import(pathToFileURL(join(ROOT, 'tools/lib', f)).href);
const { nativeModulePath, timezone } = await lib('host.mjs');
const { loadNative, buildNativeImports } = await lib('native-host.mjs');
const { rewriteGlue } = await lib('run/transpile.mjs');
const { pkgFile } = await lib('paths.mjs');
const { Descriptor } = await lib('host/filesystem.mjs');
const { transpileBytes } = await import(pathToFileURL(pkgFile('@bytecodealliance/jco-transpile', 'dist/transpile.js')).href);

if (!nativeModulePath()) { console.log('skip: the native host is not built'); process.exit(77); }
const dir = tempDir('lowering');
const wasm = join(dir, 'raw_fs.wasm');
const b = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O1', `-I${join(ROOT, 'test/include')}`, join(ROOT, 'test/host/raw_fs.c'), '-o', wasm], { encoding: 'utf8' });
if (b.status !== 0) { console.log(`FAIL build\n${b.stderr}`); process.exit(1); }
const data = join(dir, 'data');
mkdirSync(data);
writeFileSync(join(data, 'f'), 'hello, lowering\n');

let failures = 0, checks = 0;
const check = (ok, what, detail = '') => { checks++; if (!ok) { failures++; console.log(`FAIL ${what}${detail ? `\n  ${detail}` : ''}`); } };

// ---- the native module, its calls counted
const N = loadNative(nativeModulePath());
const calls = {};
for (const k of Object.keys(N)) {
  const f = N[k];
  N[k] = (...a) => { calls[k] = (calls[k] ?? 0) + 1; return f(...a); };
}
const counted = (fn) => { for (const k of Object.keys(calls)) delete calls[k]; const r = fn(); return { r, calls: { ...calls } }; };
const K = N.constants();

// ---- the glue, twice, over fake core instances
const t = await transpileBytes(readFileSync(wasm), { name: 'component', instantiation: 'async', emitTypescriptDeclarations: false });
const { script, problems } = await rewriteGlue(Buffer.from(t.files['component.js']).toString('utf8'));
if (!script || problems.length) { console.log(`FAIL glue rewrite: ${problems.join('; ')}`); process.exit(1); }
const FS = 'wasi:filesystem/types@0.2.0';

async function instance(raw) {
  const imports = buildNativeImports({ args: ['raw_fs'], env: {}, preopens: [['/data', data]] }, N);
  imports['wasi:cli/exit'] = { exit() { throw new Error('exit called'); } };
  imports['wasi:clocks/timezone'] = timezone;
  if (!raw) Descriptor._wasip2Raw = undefined;
  check(!!Descriptor._wasip2Raw === raw, `${raw ? 'core-ABI' : 'glue'} instance: raw paths ${raw ? 'offered' : 'withdrawn'}`);
  const memory = new WebAssembly.Memory({ initial: 4 });
  let top = 65536;
  const cabi_realloc = (old, oldSize, align, size) => { top = (top + align - 1) & -align; const p = top; top += size; return p; };
  let core = null;
  const glue = new vm.Script(script).runInThisContext();
  await glue.instantiate((name) => WebAssembly.compile(t.files[name]), imports, async (module, importObject) => {
    if (importObject && importObject[FS]) {
      core = importObject;
      return { exports: { memory, cabi_realloc, 'wasi:cli/run@0.2.0#run': () => 0 } };
    }
    return WebAssembly.instantiate(module, importObject);
  });
  const dv = () => new DataView(memory.buffer);
  // get-directories: list<tuple<descriptor, string>> at a return area
  core['wasi:filesystem/preopens@0.2.0']['get-directories'](1024);
  const list = dv().getUint32(1024, true);
  return { core, memory, dv, fs: core[FS], root: dv().getInt32(list, true) };
}
const A = await instance(false); // the glue's lowering
const B = await instance(true);  // the core-ABI lowering
check(A.root === B.root, `both instances see the preopen as handle ${A.root}`);

// Calls fn(instance, ret) on both with a zeroed return area, returns the bytes written and
// the native calls each made.
const RET = 4096, PATH = 2048;
function both(size, fn) {
  return [A, B].map((x) => {
    new Uint8Array(x.memory.buffer, RET, size).fill(0);
    const { calls: c } = counted(() => fn(x, RET));
    return { bytes: Buffer.from(new Uint8Array(x.memory.buffer, RET, size)), calls: c };
  });
}
const path = (x, s) => { new Uint8Array(x.memory.buffer).set(Buffer.from(s), PATH); return [PATH, s.length]; };
const same = (what, [a, b], rawCall) => {
  check(a.bytes.equals(b.bytes), `${what}: the same bytes`, `glue ${a.bytes.toString('hex')}\n  raw  ${b.bytes.toString('hex')}`);
  if (rawCall) check(!a.calls[rawCall] && b.calls[rawCall] === 1, `${what}: glue path on one, ${rawCall} on the other`, JSON.stringify([a.calls, b.calls]));
};

// ---- the cases
const ERRNOS = Object.keys(K).filter((k) => /^E[A-Z0-9]+$/.test(k) && !k.startsWith('EAI')).map((k) => [k, K[k]]);
const TYPES = [['unknown', 0], ['block-device', K.S_IFBLK], ['character-device', K.S_IFCHR], ['directory', K.S_IFDIR],
  ['fifo', K.S_IFIFO], ['symbolic-link', K.S_IFLNK], ['regular-file', K.S_IFREG], ['socket', K.S_IFSOCK]];
const STATS = [
  // mode bits beside the type, nlink, size, three times, dev, ino
  [0o644, 1, 0, 0, 0, 1, 999999999, 2, 5, 7, 11],
  [0o7777, 2 ** 31, 2 ** 53 - 1, 2 ** 40, 123456789, 2 ** 33, 1, 1e9, 999999999, 2 ** 52, 2 ** 53],
  [0, 65535, 4096, 1700000000, 500, 1700000001, 600, 1700000002, 700, 2 ** 63, 2 ** 63],
  [0o600, 1, 1, -1, 0, -(2 ** 31), 999999999, -5, 1, 0, 0], // before 1970
];
const codes = new Set();
const stCase = (mode, s) => [mode | s[0], ...s.slice(1)];
const sweeps = [
  ['stat-at', 104, (x, ret) => x.fs['[method]descriptor.stat-at'](x.root, 1, ...path(x, 'f'), ret), 'statat_raw'],
  ['stat-at (no follow)', 104, (x, ret) => x.fs['[method]descriptor.stat-at'](x.root, 0, ...path(x, 'f'), ret), 'statat_raw'],
  ['stat', 104, (x, ret) => x.fs['[method]descriptor.stat'](x.root, ret), 'fstat_raw'],
  ['metadata-hash-at', 24, (x, ret) => x.fs['[method]descriptor.metadata-hash-at'](x.root, 1, ...path(x, 'f'), ret), 'hashat_raw'],
  ['metadata-hash', 24, (x, ret) => x.fs['[method]descriptor.metadata-hash'](x.root, ret), 'fstat_raw'],
];
for (const [name, size, call, raw] of sweeps) {
  for (const [e, n] of ERRNOS) {
    N.inject(n);
    const r = both(size, call);
    N.inject();
    same(`${name} ${e}`, r, raw);
    check(r[1].bytes[0] === 1, `${name} ${e}: an error result`);
    codes.add(r[1].bytes[8]);
  }
  for (const [type, mode] of TYPES) {
    for (const s of STATS) {
      N.inject(0, ...stCase(mode, s));
      const r = both(size, call);
      N.inject();
      same(`${name} ${type} ${s.join(',')}`, r, raw);
      check(r[1].bytes[0] === 0, `${name} ${type}: an ok result`);
      if (size === 104) {
        check(r[1].bytes[8] === TYPES.findIndex(([t]) => t === type), `${name} ${type}: descriptor-type ${type}`);
        check([32, 56, 80].every((o) => r[1].bytes[o] === 1), `${name} ${type}: the three times are some`);
      }
    }
  }
}
check(codes.size === 37, `every error-code of wasi:filesystem reached (${codes.size} of 37)`);

// ---- open-at: every flag combination (with an injected error, so nothing is opened), the
// open(2) flags both paths ask for, and the error written
const REC = (bits, names) => Object.fromEntries(names.map((n, i) => [n, !!(bits & (1 << i))]));
let flagCases = 0;
for (let pf = 0; pf < 2; pf++) for (let of = 0; of < 16; of++) for (let df = 0; df < 64; df++) {
  N.inject(K.EACCES);
  const seen = [];
  const open = N.open, openRaw = N.openat_raw;
  N.open = (fd, p, flags, mode) => { seen.push(flags); return open(fd, p, flags, mode); };
  N.openat_raw = (m, fd, ptr, len, flags, ret) => { seen.push(flags); return openRaw(m, fd, ptr, len, flags, ret); };
  const r = both(8, (x, ret) => x.fs['[method]descriptor.open-at'](x.root, pf, ...path(x, 'f'), of, df, ret));
  N.open = open; N.openat_raw = openRaw;
  N.inject();
  same(`open-at flags ${pf}/${of}/${df}`, r, 'openat_raw');
  check(seen.length === 2 && seen[0] === seen[1], `open-at flags ${pf}/${of}/${df}: the same open(2) flags`, JSON.stringify(seen));
  flagCases++;
}
check(flagCases === 2048, 'open-at: 2048 flag combinations');
for (const [e, n] of ERRNOS) {
  N.inject(n);
  const r = both(8, (x, ret) => x.fs['[method]descriptor.open-at'](x.root, 1, ...path(x, 'f'), 0, 1, ret));
  N.inject();
  same(`open-at ${e}`, r, 'openat_raw');
}
// ok: a new descriptor handle, the same in both (their handle tables have seen the same calls)
const opened = both(8, (x, ret) => x.fs['[method]descriptor.open-at'](x.root, 1, ...path(x, 'f'), 0, 1, ret));
same('open-at ok', opened, 'openat_raw');
check(opened[1].bytes[0] === 0 && opened[1].bytes.readInt32LE(4) > 0, 'open-at ok: a descriptor');
const file = opened[1].bytes.readInt32LE(4);

// ---- read: errors, and data with eof false and true (the list is the guest's: compare its
// length and bytes, not where the allocator put it)
const readBoth = (len, off) => [A, B].map((x) => {
  new Uint8Array(x.memory.buffer, RET, 16).fill(0);
  const { calls: c } = counted(() => x.fs['[method]descriptor.read'](file, BigInt(len), BigInt(off), RET));
  const v = x.dv();
  const tag = v.getUint8(RET);
  const out = tag ? { tag, code: v.getUint8(RET + 4) }
    : { tag, bytes: Buffer.from(new Uint8Array(x.memory.buffer, v.getUint32(RET + 4, true), v.getUint32(RET + 8, true))).toString(), eof: v.getUint8(RET + 12) };
  return { out, calls: c };
});
const sameRead = (what, [a, b]) => {
  check(JSON.stringify(a.out) === JSON.stringify(b.out), `read ${what}: the same result`, JSON.stringify([a.out, b.out]));
  check(!a.calls.pread === false && a.calls.pread === 1 && b.calls.pread === 1, `read ${what}: one pread each`);
};
for (const [e, n] of ERRNOS) {
  N.inject(n);
  const r = readBoth(4, 0);
  N.inject();
  sameRead(e, r);
  check(r[1].out.tag === 1, `read ${e}: an error result`);
}
for (const [len, off, eof] of [[5, 0, 0], [100, 7, 0], [4, 16, 1], [0, 0, 0], [1, 1000, 1]]) {
  const r = readBoth(len, off);
  sameRead(`${len} at ${off}`, r);
  check(r[1].out.tag === 0 && r[1].out.eof === eof, `read ${len} at ${off}: eof ${eof}`, JSON.stringify(r[1].out));
}

console.log(`${failures ? 'FAIL' : 'ok'}: ${checks - failures} of ${checks} checks (${ERRNOS.length} errnos, ${TYPES.length} descriptor types, ${flagCases} open-at flag sets)`);
process.exit(failures ? 1 : 0);
