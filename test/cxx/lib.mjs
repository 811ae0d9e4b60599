// Shared by test/cxx/*.test.mjs (not a test itself): clang++-22 for our target, the runner,
// a temporary directory removed at exit, and the ok/FAIL reporter whose count becomes the
// exit status (`process.exit(t.failures ? 1 : 0)`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT, skip } from '../build/lib.mjs';

export { ROOT, SYSROOT };
export const CLANGXX = process.env.CLANGXX || 'clang++-22';
export const BIN = join(ROOT, 'build/bin');
export const RUN = join(BIN, 'wasip2-run');

// Skips (77) without clang++ or without `needs` (a path under the sysroot); else the state.
export function cxxTest(tag, needs) {
  if (spawnSync(CLANGXX, ['--version']).status !== 0) skip(`${CLANGXX} not found`);
  if (!existsSync(join(SYSROOT, needs))) skip('no libc++ in the sysroot (apt-get install libc++-22-dev-wasm32 libc++abi-22-dev-wasm32; make)');
  const dir = mkdtempSync(join(tmpdir(), `wasip2-${tag}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const t = {
    dir,
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` },
    failures: 0,
    check(ok, what, detail = '') {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().replace(/\n/g, '\n     ')}`}`);
      if (!ok) t.failures++;
    },
  };
  return t;
}
