// wasip2-run's load step: the component's bytes, checked to be a component, and the --dir
// folders checked to exist; then its transpiled glue from the cache (transpiled first on a
// miss), in ${XDG_CACHE_HOME:-~/.cache}/wasip2-run/<content key>/.
import { die, mark, say } from './cli.mjs';
import { wasmKind } from '../wasm-info.mjs';
import * as paths from '../paths.mjs';

const { existsSync, mkdirSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { homedir, tmpdir } = process.getBuiltinModule('node:os');
const { join } = process.getBuiltinModule('node:path');

const RUNNER_VERSION = '8'; // bump when the cached files' format or the glue patch changes

// The cache key: a 128-bit hash of the runner version and the component's bytes. Four
// multiply-rotate lanes over 32-bit words (murmur3's mixing), not a cryptographic hash: the
// cache belongs to the user, and loading node:crypto costs more start-up than the whole hash.
function contentKey(prefix, bytes) {
  const text = Buffer.from(prefix + '\0');
  const all = Buffer.concat([text, bytes, Buffer.alloc((4 - ((text.length + bytes.length) % 4)) % 4)]);
  const w = new Uint32Array(all.buffer, all.byteOffset, all.length / 4);
  const h = [0x9747b28c, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];
  for (let i = 0; i < w.length; i++) {
    const l = i & 3;
    let k = Math.imul(w[i], 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    let x = h[l] ^ k;
    x = (x << 13) | (x >>> 19);
    h[l] = (Math.imul(x, 5) + 0xe6546b64 + l) | 0;
  }
  const out = h.map((x, l) => {
    x ^= all.length + l;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
  });
  return out.join('');
}

// ${XDG_CACHE_HOME:-~/.cache}/wasip2-run
function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'wasip2-run');
}

export function readComponent(o) {
  let bytes;
  try {
    if (statSync(o.app).isDirectory()) die(`${o.app}: is a directory`);
    bytes = readFileSync(o.app);
  } catch (e) {
    die(`${o.app}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const kind = wasmKind(bytes);
  if (kind === 'module') die(`${o.app}: is a core wasm module, not a component (link with wasm-component-ld)`);
  if (kind !== 'component') die(`${o.app}: not a WebAssembly component`);
  for (const [, host] of o.dirs) {
    let st = null;
    try { st = statSync(host); } catch { /* reported below */ }
    if (!st || !st.isDirectory()) die(`--dir ${host}: not a directory`);
  }
  return bytes;
}

// The cache folder of these bytes: the runner version, the pinned jco-transpile and the glue
// rewriter's own text are part of the key, so a changed rewrite never meets a glue cached by
// another one (branches and checkouts share the cache).
function cacheDir(bytes) {
  try { paths.nodeModulesDir(); } catch (e) { die(e.message); }
  const version = `wasip2-run/${RUNNER_VERSION} jco-transpile/${paths.pkgVersion('@bytecodealliance/jco-transpile')}`;
  let rewriter = '';
  // (so are the exception-handling translator's, and the engine: it decides whether to translate)
  try {
    rewriter = ['glue-fast.mjs', 'eh-legacy.mjs', 'eh-decode.mjs']
      .map((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')).join('') + process.versions.v8;
  } catch { /* key without it */ }
  let root = cacheRoot();
  try { mkdirSync(root, { recursive: true }); } catch { root = join(tmpdir(), `wasip2-run-cache-${process.getuid?.() ?? 'u'}`); mkdirSync(root, { recursive: true }); }
  return join(root, contentKey(version + rewriter, bytes));
}

// { dir, meta }: meta is the transpile's meta.json (imports, exports, handle table names)
export async function loadTranspiled(o, bytes) {
  const dir = cacheDir(bytes);
  if (!existsSync(join(dir, 'meta.json'))) {
    const { transpileInto } = await import('./transpile.mjs');
    try {
      await transpileInto(bytes, dir, paths);
    } catch (e) {
      die(`${o.app}: cannot transpile: ${e?.payload ?? e?.message ?? e}`);
    }
  }
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  // a rewrite of jco's glue that did not apply is said at every run, not hidden in the cache
  for (const p of meta.glueProblems ?? []) say(`glue of ${o.app}: ${p}`);
  mark('component read, hashed, cache found');
  return { dir, meta };
}
