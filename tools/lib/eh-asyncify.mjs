// -pthread links run Binaryen's Asyncify over the core module (lib/threads.mjs). Binaryen 132's
// Flatten pass, which Asyncify needs, stops at a try_table ("UNREACHABLE executed at
// Flatten.cpp"), while it handles the legacy try/catch/delegate. So a module with standard
// exception handling (setjmp/longjmp) goes into Asyncify in the legacy encoding (our
// translator) and comes out in the standard one again (Binaryen's --translate-to-exnref).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pkgFile } from './paths.mjs';
import { toLegacy } from './eh-legacy.mjs';

// Rewrite the core module at `path` to the legacy encoding; true when it had standard EH.
export function beforeAsyncify(path) {
  const mod = readFileSync(path);
  const legacy = toLegacy(mod);
  if (legacy === mod) return false;
  writeFileSync(path, legacy);
  return true;
}

// Back to the standard encoding, in place (names kept).
export function afterAsyncify(path) {
  const wasmOpt = pkgFile('binaryen', 'bin/wasm-opt');
  const r = spawnSync(process.execPath, [wasmOpt, path, '--translate-to-exnref', '-g', '-o', path],
    { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run ${wasmOpt}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`wasm-opt --translate-to-exnref failed: ${r.stderr.trim()}`);
}
