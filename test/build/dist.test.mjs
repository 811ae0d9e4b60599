// The SDK folder (mk/dist.sh stage, what `make dist` tars and `make deb` installs) is
// relocatable: staged in one place, moved to a path with a space, it builds hello with its
// bin/wasip2-cc and runs it with its bin/wasip2-run, with no checkout on PATH and no
// node_modules but its own; its CMake toolchain, Meson cross file and pkg-config wrapper are in
// place, and its clang configuration file names the setjmp options.
//! timeout: 300
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('dist');
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failed++; if (detail) console.log(String(detail).replace(/^/gm, '    ')); }
};
const first = join(dir, 'staged');
let r = spawnSync(join(ROOT, 'mk/dist.sh'), ['stage', first], { encoding: 'utf8' });
if (r.status !== 0) { check(false, 'mk/dist.sh stage', r.stderr); process.exit(1); }
const sdk = join(dir, 'moved sdk');
renameSync(first, sdk);
for (const f of ['bin/wasip2-cc', 'bin/wasip2-run', 'bin/wasm-component-ld', 'bin/wasm32-wasip2-pkg-config',
  'sysroot/lib/wasm32-wasip2/libc.a', 'sysroot/lib/wasm32-wasip2/pkgconfig', 'share/cmake/wasip2-toolchain.cmake',
  'share/meson/wasm32-wasip2.ini', 'node_modules/@bytecodealliance/preview2-shim/package.json',
  'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.command.wasm']) {
  check(existsSync(join(sdk, f)), `the SDK has ${f}`);
}
check(!existsSync(join(sdk, 'node_modules/@bytecodealliance/jco/src')) && !existsSync(join(sdk, 'node_modules/better-sqlite3')),
  'only the run-time npm packages (no jco sources, no dev dependencies)');
check(/-wasm-enable-sjlj/.test(readFileSync(join(sdk, 'share/wasm32-unknown-wasip2.cfg'), 'utf8')), 'clang configuration file with the setjmp options');

// a PATH with only the SDK's bin and the system's: no checkout, no build/bin
const env = { PATH: `${join(sdk, 'bin')}:/usr/local/bin:/usr/bin:/bin`, HOME: dir };
const app = join(dir, 'app.c');
writeFileSync(app, '#include <stdio.h>\nint main(int argc, char **argv) { printf("hi %s %d\\n", argv[1], argc); return 5; }\n');
r = spawnSync('wasip2-cc', ['-O2', app, '-o', join(dir, 'app.wasm')], { encoding: 'utf8', env, cwd: dir });
check(r.status === 0, 'the moved SDK compiles and links (bin/wasip2-cc)', r.stderr);
r = spawnSync('wasip2-run', [join(dir, 'app.wasm'), 'there'], { encoding: 'utf8', env, cwd: dir });
check(r.status === 5 && r.stdout === 'hi there 2\n', 'and runs it (bin/wasip2-run): its output, status 5', `${r.status} ${r.stdout} ${r.stderr}`);
r = spawnSync('sh', ['-c', 'wasm32-wasip2-pkg-config --list-all; echo "$?"'], { encoding: 'utf8', env });
check(r.stdout.trim() === '0', 'its pkg-config sees no host package (empty sysroot pkgconfig)', r.stdout + r.stderr);

console.log(failed ? `${failed} failed` : 'all dist checks passed');
process.exit(failed ? 1 : 0);
