// No component we build imports anything from wasi_snapshot_preview1, and
// every WASI interface it imports is named @0.2.0 (the widest-supported
// release).  Checked on the hello example and on a program touching every
// area of the library.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, SYSROOT, CLANG } from './lib.mjs';

const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
_setPreopens({ '/': '/' });
const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-test-'));
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
let failed = 0;
const sources = ['examples/hello.c', 'test/build/kitchen_sink.c'];
const seen = new Set();
for (const src of sources) {
  const out = path.join(tmp, path.basename(src, '.c') + '.wasm');
  try {
    execFileSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', `-I${ROOT}/test/include`, path.join(ROOT, src), '-o', out], { env, stdio: 'pipe' });
  } catch (e) {
    console.log(`FAIL ${src}: does not build\n${String(e.stderr).slice(0, 2000)}`);
    failed++;
    continue;
  }
  const bytes = fs.readFileSync(out);
  if (bytes.includes(Buffer.from('wasi_snapshot_preview1'))) { console.log(`FAIL ${src}: mentions wasi_snapshot_preview1`); failed++; }
  const wit = await componentWit(bytes);
  const imports = [...wit.matchAll(/^\s*import ([^;]+);/gm)].map((m) => m[1].trim());
  const bad = imports.filter((i) => !/^wasi:[a-z-]+\/[a-z-]+@0\.2\.0$/.test(i));
  if (!imports.length) { console.log(`FAIL ${src}: no imports found in its WIT`); failed++; }
  if (bad.length) { console.log(`FAIL ${src}: imports not named wasi:*@0.2.0: ${bad.join(', ')}`); failed++; }
  else console.log(`ok   ${src}: ${imports.length} imports, all wasi:*@0.2.0, none from preview1`);
  imports.forEach((i) => seen.add(i));
}
// the kitchen sink must really reach every area, or the check proves little
for (const want of ['wasi:sockets/tcp@0.2.0', 'wasi:sockets/udp@0.2.0', 'wasi:filesystem/types@0.2.0', 'wasi:io/poll@0.2.0', 'wasi:cli/environment@0.2.0', 'wasi:clocks/wall-clock@0.2.0', 'wasi:random/random@0.2.0', 'wasi:sockets/ip-name-lookup@0.2.0']) {
  if (!seen.has(want)) { console.log(`FAIL no program imported ${want}`); failed++; }
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
