// The CMake toolchain file: configure, build and ctest examples/cmake-hello with each copy the
// Makefile installs (build/share/cmake and build/sysroot/share/cmake), and the autotools-style
// sample with its ./configure --host=wasm32-wasip2.
//! timeout: 600
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT, skip } from '../build/lib.mjs';

const has = (c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
if (!has('cmake')) skip('cmake not installed');
if (!has('make')) skip('make not installed');
const dir = mkdtempSync(join(tmpdir(), 'wasip2-cmake-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-3000).replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 300000, ...opts });
const out = (r) => (r.stdout || '') + (r.stderr || '');

// The user's PATH deliberately lacks build/bin: the toolchain file must find our linker itself.
const env = { ...process.env, PATH: process.env.PATH.split(':').filter((p) => !p.includes('build/bin')).join(':') };
for (const tc of ['build/share/cmake', 'build/sysroot/share/cmake']) {
  const file = join(ROOT, tc, 'wasip2-toolchain.cmake');
  if (!existsSync(file)) { check(false, `${tc}/wasip2-toolchain.cmake exists`); continue; }
  const b = join(dir, tc.replace(/\//g, '_'));
  let r = sh('cmake', ['-S', join(ROOT, 'examples/cmake-hello'), '-B', b, `-DCMAKE_TOOLCHAIN_FILE=${file}`], { env });
  check(r.status === 0 && !/System is unknown to cmake/.test(out(r)), `${tc}: cmake configures (feature probes right, platform WASI known)`, out(r));
  if (r.status !== 0) continue;
  r = sh('cmake', ['--build', b], { env });
  check(r.status === 0 && existsSync(join(b, 'hello.wasm')) && existsSync(join(b, 'hello_cxx.wasm')), `${tc}: cmake --build makes hello.wasm and hello_cxx.wasm`, out(r));
  const head = existsSync(join(b, 'hello.wasm')) ? readFileSync(join(b, 'hello.wasm')).subarray(4, 8) : Buffer.alloc(4);
  check(head.equals(Buffer.from([0x0d, 0x00, 0x01, 0x00])), `${tc}: hello.wasm is a component (layer 1)`);
  r = sh('ctest', ['--output-on-failure'], { cwd: b, env });
  check(r.status === 0 && /100% tests passed/.test(r.stdout), `${tc}: ctest runs both tests through wasip2-run`, out(r));
}

// A user's own linker flags (the cache variable, or LDFLAGS from the environment) replace
// CMAKE_EXE_LINKER_FLAGS' initial value: the toolchain's -B must survive them, and the user's
// flag must reach the link line too.
{
  const file = join(ROOT, 'build/share/cmake/wasip2-toolchain.cmake');
  const cases = [
    ['-DCMAKE_EXE_LINKER_FLAGS', ['-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,stack-size=262144'], env],
    ['LDFLAGS', [], { ...env, LDFLAGS: '-Wl,-z,stack-size=262144' }],
  ];
  for (const [what, args, e] of cases) {
    const b = join(dir, `userflags-${what.replace(/\W/g, '')}`);
    let r = sh('cmake', ['-S', join(ROOT, 'examples/cmake-hello'), '-B', b, `-DCMAKE_TOOLCHAIN_FILE=${file}`, ...args], { env: e });
    check(r.status === 0, `${what} set by the user: cmake configures (compiler checks link)`, out(r));
    if (r.status !== 0) continue;
    r = sh('cmake', ['--build', b, '--', 'VERBOSE=1'], { env: e });
    const linkLine = (r.stdout || '').split('\n').find((l) => / -o hello\.wasm /.test(l)) || '';
    check(r.status === 0 && existsSync(join(b, 'hello.wasm')) && /stack-size=262144/.test(linkLine) && /-B\S*build\/bin/.test(linkLine),
      `${what} set by the user: links, with the user's flag and the toolchain's -B`, out(r));
    r = sh('ctest', ['--output-on-failure'], { cwd: b, env: e });
    check(r.status === 0 && /100% tests passed/.test(r.stdout), `${what} set by the user: ctest passes`, out(r));
  }
}

// Autotools-style sample: configure --host, make, make check (all through wasip2-cc).
const src = join(dir, 'autotools-hello');
cpSync(join(ROOT, 'examples/autotools-hello'), src, { recursive: true });
const aenv = { ...process.env, PATH: `${join(ROOT, 'build/bin')}:${process.env.PATH}` };
let r = sh('sh', ['./configure', '--host=wasm32-wasip2', 'CC=wasip2-cc', 'CFLAGS=-O2'], { cwd: src, env: aenv });
check(r.status === 0 && /checking whether we are cross compiling\.\.\. yes/.test(r.stdout)
  && /checking for clock_gettime\.\.\. yes/.test(r.stdout) && /checking for wasip2_no_such_function\.\.\. no/.test(r.stdout),
  './configure --host=wasm32-wasip2 CC=wasip2-cc: probes right', out(r));
if (r.status === 0) {
  r = sh('make', [], { cwd: src, env: aenv });
  check(r.status === 0 && existsSync(join(src, 'hello.wasm')), 'make builds hello.wasm', out(r));
  r = sh('make', ['check'], { cwd: src, env: aenv });
  check(r.status === 0 && /PASS: hello/.test(r.stdout), 'make check runs it through wasip2-run', out(r));
}
// Without --host, configure notices that the compiler's programs do not run natively.
const src2 = join(dir, 'autotools-nohost');
cpSync(join(ROOT, 'examples/autotools-hello'), src2, { recursive: true });
r = sh('sh', ['./configure', 'CC=wasip2-cc'], { cwd: src2, env: aenv });
check(r.status !== 0 && /cannot run C compiled programs/.test(out(r)) && /--host=wasm32-wasip2/.test(out(r)),
  'configure without --host: clear error suggesting --host', out(r));

process.exit(failures ? 1 : 0);
