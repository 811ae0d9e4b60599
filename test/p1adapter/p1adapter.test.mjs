// p1-adapter mode, link side: with our libc, a preview1 import without -Wl,--wasi-p1-adapter
// is a clear link error; with it the program links and runs (the C test in this folder
// checks the runtime behaviour).  An ordinary program never links libc's adapter hooks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const dir = mkdtempSync(join(tmpdir(), 'wasip2-p1-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}
const src = join(dir, 'p1.c');
writeFileSync(src, `#include <stdio.h>
#include <stdint.h>
__attribute__((import_module("wasi_snapshot_preview1"), import_name("fd_write")))
int32_t p1_fd_write(int32_t, const void *, int32_t, uint32_t *);
int main(void) {
  struct { const char *p; uint32_t n; } v = { "p1 line\\n", 8 };
  uint32_t w;
  printf("libc line\\n"); fflush(stdout);
  return p1_fd_write(1, &v, 1, &w);
}
`);
const cc = (out, flags) => spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', src, ...flags, '-o', join(dir, out)], { encoding: 'utf8', env });
let r = cc('noflag.wasm', []);
check(r.status !== 0 && /wasm-component-ld: error: imports wasi_snapshot_preview1\.fd_write; pass -Wl,--wasi-p1-adapter/.test(r.stderr),
  'without the flag: link error naming the import and the flag', r.stderr);
r = cc('flag.wasm', ['-Wl,--wasi-p1-adapter']);
check(r.status === 0, 'with -Wl,--wasi-p1-adapter: links', r.stderr);
if (r.status === 0) {
  const run = spawnSync(join(BIN, 'wasip2-run'), [join(dir, 'flag.wasm')], { encoding: 'utf8', env });
  check(run.status === 0 && run.stdout === 'libc line\np1 line\n', 'libc and preview1 writes both reach stdout, in order', run.stderr + run.stdout);
}
// The hooks import the adapter's functions: an ordinary program must not contain them.
writeFileSync(src, '#include <stdio.h>\n#include <unistd.h>\nint main(void) { int d = dup(1); printf("%d\\n", d); return close(d); }\n');
r = cc('plain.wasm', []);
const bytes = r.status === 0 ? readFileSync(join(dir, 'plain.wasm')).toString('latin1') : '';
check(r.status === 0 && !bytes.includes('wasi_snapshot_preview1') && !bytes.includes('adapter_open_badfd'),
  'an ordinary program (dup/close) links no adapter hook and imports no preview1', r.stderr);
process.exit(failures ? 1 : 0);
