// build/bin/wasm32-wasip2-pkg-config (mk/pkg-config-wrapper.sh) sees only the sysroot: a
// package the build machine has (a .pc file named by PKG_CONFIG_PATH, and the machine's
// own zlib.pc when installed) is found by the plain pkg-config but not by the wrapper; its
// search path is the sysroot's pkgconfig folders and nothing else; a package placed in a
// copy of that layout is found, with -I paths under the sysroot.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from './lib.mjs';

const WRAP = join(ROOT, 'build/bin/wasm32-wasip2-pkg-config');
if (spawnSync('pkg-config', ['--version']).status !== 0) { console.log('no pkg-config on this machine'); process.exit(77); }
const dir = mkdtempSync(join(tmpdir(), 'wasip2-pc-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim()}`}`);
  if (!ok) failures++;
};
const pc = (name) => `prefix=/usr\nincludedir=\${prefix}/include\nName: ${name}\nDescription: test\nVersion: 1.0\nCflags: -I\${includedir}/${name}\n`;
writeFileSync(join(dir, 'hostonly.pc'), pc('hostonly'));
const env = { ...process.env, PKG_CONFIG_PATH: dir };
const run = (cmd, args, e = env) => spawnSync(cmd, args, { encoding: 'utf8', env: e });

check(run('pkg-config', ['--exists', 'hostonly']).status === 0, 'host pkg-config finds a host-only package');
check(run(WRAP, ['--exists', 'hostonly']).status !== 0, 'wasm32-wasip2-pkg-config does not');
if (run('pkg-config', ['--exists', 'zlib'], process.env).status === 0)
  check(run(WRAP, ['--exists', 'zlib'], process.env).status !== 0, "the machine's zlib is not found for wasm");
const shown = run(WRAP, [], { ...env, WASIP2_HOST_PKG_CONFIG: 'env' }).stdout;
const libdir = (/^PKG_CONFIG_LIBDIR=(.*)$/m.exec(shown) || [])[1] || '';
const parts = libdir.split(':').filter(Boolean);
check(parts.length === 3 && parts.every((p) => p.startsWith(SYSROOT + '/')), 'search path is the sysroot\'s only', libdir);
check(!/^PKG_CONFIG_PATH=/m.test(shown), 'PKG_CONFIG_PATH is dropped');
check(new RegExp(`^PKG_CONFIG_SYSROOT_DIR=${SYSROOT}$`, 'm').test(shown), 'PKG_CONFIG_SYSROOT_DIR is the sysroot');

// the wrapper finds what the sysroot holds: a copy of it and a symlinked launcher
const fake = join(dir, 'tree');
mkdirSync(join(fake, 'sysroot/lib/pkgconfig'), { recursive: true });
mkdirSync(join(fake, 'bin'));
writeFileSync(join(fake, 'sysroot/lib/pkgconfig/wasmonly.pc'), pc('wasmonly'));
const gen = spawnSync(join(ROOT, 'mk/pkg-config-wrapper.sh'), [join(fake, 'bin/wasm32-wasip2-pkg-config'), '../sysroot'], { encoding: 'utf8' });
check(gen.status === 0, 'mk/pkg-config-wrapper.sh writes a launcher', gen.stderr);
const f = run(join(fake, 'bin/wasm32-wasip2-pkg-config'), ['--cflags', 'wasmonly']);
check(f.status === 0 && f.stdout.includes(`-I${join(fake, 'sysroot')}/usr/include/wasmonly`), 'a sysroot package is found, its -I under the sysroot', f.stdout + f.stderr);
process.exit(failures ? 1 : 0);
