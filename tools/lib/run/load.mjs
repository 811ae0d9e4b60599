// wasip2-run's load step: the component's bytes, checked to be a component, and the --dir
// folders checked to exist; then its transpiled glue from the cache (transpiled first on a miss).
import { die, mark, say } from './report.mjs';
import { wasmKind } from '../wasm-info.mjs';
import * as paths from '../paths.mjs';
import { contentKey, cacheRoot } from './cache-key.mjs';

const { existsSync, mkdirSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { tmpdir } = process.getBuiltinModule('node:os');
const { join } = process.getBuiltinModule('node:path');

const RUNNER_VERSION = '8'; // bump when the cached files' format or the glue patch changes

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
  try { rewriter = readFileSync(new URL('../glue-fast.mjs', import.meta.url), 'utf8'); } catch { /* key without it */ }
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
