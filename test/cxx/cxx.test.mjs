//! timeout: 300
// C++ through Debian's libc++: clang++-22 --target=wasm32-wasip2 --sysroot=build/sysroot
// finds the headers and libraries with no extra flags; features.cpp exercises the standard
// library (exit status = failed checks); throw.cpp shows what a throw does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLANGXX, ROOT, RUN, SYSROOT, cxxTest } from './lib.mjs';

const t = cxxTest('cxx', 'include/wasm32-wasip2/c++/v1/iostream');
const { dir, env, check } = t;
function cxx(src, out, flags = []) {
  return spawnSync(CLANGXX, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', join(ROOT, 'test/cxx', src), ...flags, '-o', join(dir, out)],
    { encoding: 'utf8', env });
}
function run(wasm, args = []) {
  return spawnSync(RUN, [...args, join(dir, wasm)], { encoding: 'utf8', env, timeout: 60000 });
}

// 1. The whole standard-library tour, exceptions off, files in a preopened /data.
let c = cxx('features.cpp', 'features.wasm', ['-std=c++20', '-fno-exceptions', '-Wno-potentially-evaluated-expression']);
check(c.status === 0, 'features.cpp compiles and links (-std=c++20 -fno-exceptions)', c.stderr);
if (c.status === 0) {
  const data = join(dir, 'data');
  mkdirSync(data);
  const r = run('features.wasm', ['--check-leaks', '--dir', `${data}::/data`]);
  process.stdout.write(r.stdout.replace(/^/gm, '     | '));
  check(r.status === 0 && /features failed: 0/.test(r.stdout), `features.cpp: every check passed (exit ${r.status})`, r.stderr);
  check(/global destructor ran\n$/.test(r.stdout), 'static destructors run at exit, after main', r.stdout.slice(-200));
}

// 2. Size of the smallest iostream program with default flags (exceptions on: see throw.cpp).
c = cxx('hello.cpp', 'hello.wasm');
check(c.status === 0, 'hello.cpp links with default flags (no -fno-exceptions needed)', c.stderr);
if (c.status === 0) {
  const r = run('hello.wasm');
  check(r.status === 0 && r.stdout === 'hello from C++ 3\n', 'hello.cpp runs', r.stderr + r.stdout);
  const s = cxx('hello.cpp', 'hello-small.wasm', ['-fno-exceptions', '-Wl,--strip-all']);
  console.log(`     hello.wasm: ${statSync(join(dir, 'hello.wasm')).size} bytes (-O2); `
    + `${s.status === 0 ? statSync(join(dir, 'hello-small.wasm')).size : '?'} bytes with -fno-exceptions -Wl,--strip-all`);
}

// 3. A throw: with default flags it links, prints the exception type and terminates through abort() (SIGABRT, status 134);
//    with -fno-exceptions it is a compile error naming the throw.
c = cxx('throw.cpp', 'throw.wasm');
check(c.status === 0, 'throw.cpp links with default flags', c.stderr);
if (c.status === 0) {
  const r = run('throw.wasm');
  check(r.status === 134 && r.stdout === 'before throw\n' && /C\+\+ exception of type std::out_of_range thrown/.test(r.stderr),
    `a throw terminates with the type named (exit ${r.status})`, r.stderr);
}
c = cxx('throw.cpp', 'throw-noexc.wasm', ['-fno-exceptions']);
check(c.status !== 0 && /cannot use 'throw' with exceptions disabled/.test(c.stderr), '-fno-exceptions: throw is a compile error', c.stderr);

process.exit(t.failures ? 1 : 0);
