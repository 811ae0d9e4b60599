// What the signals-from-outside JS tests share: the build tree's paths, the skip when the
// runner or its signal module is not built, and a temporary folder removed at exit.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const BIN = join(ROOT, 'build', 'bin');
export const RUNNER = join(BIN, 'wasip2-run');

export function signalTemp(tag) {
  if (!existsSync(RUNNER)) { console.log('skip: build/bin/wasip2-run not built'); process.exit(77); }
  if (!existsSync(join(ROOT, 'build', 'native', 'wasip2_signals.node'))) { console.log('skip: native signal module not built'); process.exit(77); }
  const tmp = mkdtempSync(join(tmpdir(), `wasip2-${tag}-`));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  return tmp;
}
