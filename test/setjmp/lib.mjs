// What the setjmp JS tests share: the build tree's tools, a temporary folder with its own
// transpile cache, a spawn helper and the ok/FAIL check lines with their count.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, skip } from '../build/lib.mjs';

export const BIN = join(ROOT, 'build/bin');

export function harness(tag) {
  if (!existsSync(join(BIN, 'wasip2-run')) || !existsSync(join(BIN, 'wasip2-cc'))) skip('build/bin not built (make all)');
  const tmp = mkdtempSync(join(tmpdir(), `wasip2-${tag}-`));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}`, XDG_CACHE_HOME: join(tmp, 'cache') };
  const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 300000, ...opts });
  const out = (r) => `${r.stdout || ''}${r.stderr || ''}${r.error ? r.error.message : ''}`;
  let failures = 0;
  const check = (ok, what, detail = '') => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-2000).replace(/\n/g, '\n     ')}`}`);
    if (!ok) failures++;
  };
  return { tmp, env, sh, out, check, failures: () => failures };
}
