// setjmp with no option wherever users compile. The clang configuration file (mk/clang-cfg.sh):
// `make install-clang-cfg` (part of `make install`) writes it into the directory given, by
// default the one clang-22 reads it from (its executable's: clang's InstalledDir); clang-22
// then compiles a setjmp program for --target=wasm32-wasip2 with neither --sysroot nor an
// option (clang is pointed at the test's copy with --config-user-dir, searched for the same
// file name, so the machine's clang is left alone). The CMake toolchain passes the same options
// as the file, and a CMake project that calls setjmp builds and runs.
//! timeout: 600
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SYSROOT, skip } from '../build/lib.mjs';
import { harness } from './lib.mjs';

const BIN = join(ROOT, 'build/bin');
if (!existsSync(join(BIN, 'wasip2-run'))) skip('build/bin not built (make all)');
const { tmp, env, sh, out, check, failures } = harness('cfg');
const CFG = 'wasm32-unknown-wasip2.cfg';
const options = execFileSync(join(ROOT, 'mk/clang-cfg.sh'), ['--options'], { encoding: 'utf8' }).trim();

// the default directory is clang-22's InstalledDir
const dry = sh('make', ['-s', '-n', '-C', ROOT, 'install-clang-cfg', `PREFIX=${join(tmp, 'dry')}`]);
const installed = /InstalledDir: (\S+)/.exec(out(sh('clang-22', ['--target=wasm32-wasip2', '-v'])))?.[1];
check(!!installed && out(dry).includes(`[ -w "${realpathSync(installed)}" ]`),
  `make install's default place for the file is clang-22's InstalledDir (${installed})`, out(dry));

// install into the test's directory, then compile with nothing but the target
const prefix = join(tmp, 'pfx'), cfgDir = join(tmp, 'cfgdir');
mkdirSync(cfgDir);
let r = sh('make', ['-s', '-C', ROOT, 'install-clang-cfg', `PREFIX=${prefix}`, `CLANG_CFG_DIR=${cfgDir}`]);
check(r.status === 0 && out(r).includes(`installed ${cfgDir}/${CFG}`), 'make install-clang-cfg installs the file and says where', out(r));
const text = existsSync(join(cfgDir, CFG)) ? readFileSync(join(cfgDir, CFG), 'utf8') : '';
const share = join(prefix, 'share/wasip2-libc');
check(text.includes(options) && text.includes(`"--sysroot=${share}/sysroot"`) && text === readFileSync(join(share, CFG), 'utf8'),
  'the file carries the options and the installed sysroot (a copy stays in PREFIX/share/wasip2-libc)', text);
r = sh('make', ['-s', '-C', ROOT, 'install-clang-cfg', `PREFIX=${prefix}`, 'CLANG_CFG_DIR=']);
check(r.status === 0 && /not copied/.test(out(r)), 'CLANG_CFG_DIR= writes only the PREFIX copy, and says so', out(r));

symlinkSync(SYSROOT, join(share, 'sysroot'));
const src = join(tmp, 'jump.c');
writeFileSync(src, `#include <setjmp.h>
#include <stdio.h>
static jmp_buf b;
static void f(int n) { if (n == 0) longjmp(b, 42); f(n - 1); }
int main(void) { int r = setjmp(b); if (!r) f(10); printf("setjmp returned %d\\n", r); return r != 42; }
`);
const wasm = join(tmp, 'jump.wasm');
r = sh('clang-22', [`--config-user-dir=${cfgDir}`, '--target=wasm32-wasip2', '-v', '-O2', src, '-o', wasm]);
check(r.status === 0 && out(r).includes(`Configuration file: ${cfgDir}/${CFG}`),
  'clang-22 --target=wasm32-wasip2 jump.c (no --sysroot, no option) reads the file and builds', out(r));
if (r.status === 0) {
  r = sh(join(BIN, 'wasip2-run'), [wasm]);
  check(r.status === 0 && r.stdout === 'setjmp returned 42\n', 'and the program runs', out(r));
}
// C++ reads the same file (clang++-22 looks for <triple>-clang++.cfg, then <triple>.cfg)
r = sh('clang++-22', [`--config-user-dir=${cfgDir}`, '--target=wasm32-wasip2', '-fno-exceptions', '-O2', '-x', 'c++', src, '-o', join(tmp, 'jump_cxx.wasm')]);
check(r.status === 0, 'clang++-22 builds the same program with no option', out(r));

// the CMake toolchain gives the same options, and a setjmp project builds and runs
const tc = readFileSync(join(ROOT, 'cmake/wasip2-toolchain.cmake'), 'utf8');
const cm = /add_compile_options\(([^)]*)\)/.exec(tc)?.[1].match(/"SHELL:([^"]*)"/g)?.map((s) => s.slice(7, -1)).join(' ');
check(cm === options, `the CMake toolchain's options are mk/clang-cfg.sh's (${cm})`);
if (spawnSync('sh', ['-c', 'command -v cmake']).status === 0) {
  const proj = join(tmp, 'proj');
  mkdirSync(proj);
  writeFileSync(join(proj, 'CMakeLists.txt'), 'cmake_minimum_required(VERSION 3.13)\nproject(jump C)\nadd_executable(jump ../jump.c)\n');
  const b = join(tmp, 'cbuild');
  const cenv = { ...env, PATH: process.env.PATH };  // the toolchain finds our tools itself
  r = sh('cmake', ['-S', proj, '-B', b, `-DCMAKE_TOOLCHAIN_FILE=${join(ROOT, 'build/share/cmake/wasip2-toolchain.cmake')}`, '-DCMAKE_C_FLAGS=-O2'], { env: cenv });
  if (r.status === 0) r = sh('cmake', ['--build', b], { env: cenv });
  check(r.status === 0 && existsSync(join(b, 'jump.wasm')), 'a CMake project calling setjmp builds (CMAKE_C_FLAGS set by the user too)', out(r));
  if (r.status === 0) {
    r = sh(join(BIN, 'wasip2-run'), [join(b, 'jump.wasm')]);
    check(r.status === 0 && r.stdout === 'setjmp returned 42\n', 'and runs', out(r));
  }
} else console.log('skip: cmake not installed');
process.exit(failures() ? 1 : 0);
