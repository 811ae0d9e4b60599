// `make install PREFIX=<tmp>` gives a working, relocatable toolchain: compile
// examples/hello.c with PREFIX/bin/wasip2-cc, run it with PREFIX/bin/wasip2-run, then
// move PREFIX elsewhere and run again.
//! timeout: 600
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-install-'));
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
let failed = false;
try {
  const prefix = path.join(tmp, 'a');
  // CLANG_CFG_DIR= : never write clang's own directory (test/setjmp/clang_cfg.test.mjs covers it)
  sh('make', ['-s', '-C', ROOT, 'install', `PREFIX=${prefix}`, 'SKIP_DEPS=1', 'CLANG_CFG_DIR=']);
  for (const f of ['bin/wasip2-cc', 'bin/wasip2-run', 'bin/wasm-component-ld',
    'share/wasip2-libc/sysroot/lib/wasm32-wasip2/libc.a', 'share/wasip2-libc/node_modules']) {
    if (!fs.existsSync(path.join(prefix, f))) throw new Error(`install lacks ${f}`);
  }
  const wasm = path.join(tmp, 'hello.wasm');
  // a PATH without the repo's build/bin: only the installed tools may be used
  const PATH = (process.env.PATH || '').split(path.delimiter).filter((p) => !p.startsWith(path.join(ROOT, 'build'))).join(path.delimiter);
  sh(path.join(prefix, 'bin/wasip2-cc'), ['-O2', path.join(ROOT, 'examples/hello.c'), '-o', wasm], { env: { ...process.env, PATH } });
  const moved = path.join(tmp, 'moved');
  for (const [where, p] of [['installed', prefix], ['moved', moved]]) {
    if (p === moved) fs.renameSync(prefix, moved);
    const out = sh(path.join(p, 'bin/wasip2-run'), [wasm, 'install', 'test'], { env: { ...process.env, PATH }, timeout: 60000 });
    if (!/Hello/.test(out) || !/argv\[2\] = "test"/.test(out)) throw new Error(`${where}: unexpected output:\n${out}`);
    console.log(`${where}: ok`);
  }
} catch (e) {
  failed = true;
  console.log(String(e.message || e));
  if (e.stdout) console.log(String(e.stdout).split('\n').slice(-20).join('\n'));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
