//! timeout: 300
// C++ threads: test/cxx/threads.cpp built with clang++ -pthread (std::thread, mutexes,
// condition_variable, shared_mutex, async/future over src/cxx/thread and the cooperative
// pthreads) runs under --check-leaks with every check passing, and prints exactly what the
// same source built with g++ -pthread prints on Linux.  Also: a promise destroyed before it
// was satisfied terminates with a message naming future_error (no exception runtime), and
// a static whose initializer needs itself still aborts with a message, and without -pthread
// <thread> declares no std::thread (Debian's threadless configuration).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, CLANGXX, ROOT, SYSROOT, cxxTest } from './lib.mjs';

const GXX = process.env.GXX || 'g++';
const t = cxxTest('cxxthr', 'lib/wasm32-wasip2/libc++-coop.a');
const { dir, env, check } = t;
const cxx = (src, out, flags) => spawnSync(CLANGXX, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', '-std=c++20', src, ...flags, '-o', join(dir, out)], { encoding: 'utf8', env });
const run = (wasm, args = []) => spawnSync(join(BIN, 'wasip2-run'), [...args, join(dir, wasm)], { encoding: 'utf8', env, timeout: 120000 });

const src = join(ROOT, 'test/cxx/threads.cpp');
let c = cxx(src, 'threads.wasm', ['-pthread']);
check(c.status === 0, 'threads.cpp compiles and links with -pthread', c.stderr);
let wasmOut = null;
if (c.status === 0) {
  const r = run('threads.wasm', ['--check-leaks']);
  process.stdout.write(r.stdout.replace(/^/gm, '     | '));
  check(r.status === 0 && /threads failed: 0\n$/.test(r.stdout), `threads.cpp: every check passed under --check-leaks (exit ${r.status})`, r.stderr);
  wasmOut = r.stdout;
}
if (spawnSync(GXX, ['--version']).status === 0) {
  const n = spawnSync(GXX, ['-O2', '-std=c++20', '-pthread', src, '-o', join(dir, 'threads.native')], { encoding: 'utf8' });
  check(n.status === 0, 'g++ builds the same source', n.stderr);
  if (n.status === 0 && wasmOut !== null) {
    const r = spawnSync(join(dir, 'threads.native'), { encoding: 'utf8', timeout: 60000 });
    check(r.status === 0 && r.stdout === wasmOut, 'Linux prints the same lines', r.stdout);
  }
} else console.log(`     (${GXX} not found: no Linux comparison)`);

writeFileSync(join(dir, 'broken.cpp'), '#include <future>\n#include <cstdio>\nint main() { std::future<int> f; { std::promise<int> p; f = p.get_future(); } std::puts("not reached"); }\n');
c = cxx(join(dir, 'broken.cpp'), 'broken.wasm', ['-pthread']);
check(c.status === 0, 'a broken promise program links', c.stderr);
if (c.status === 0) {
  const r = run('broken.wasm');
  check(r.status === 134 && /future_error/.test(r.stderr) && !/not reached/.test(r.stdout), `a destroyed unsatisfied promise terminates naming future_error (exit ${r.status})`, r.stderr);
}

writeFileSync(join(dir, 'rec.cpp'), 'int f(int n);\nstruct R { int v; R() : v(f(1)) {} };\nint f(int n) { static R r; return n + r.v; }\nint main() { return f(0); }\n');
c = cxx(join(dir, 'rec.cpp'), 'rec.wasm', ['-pthread']);
check(c.status === 0, 'a recursively initialized static links', c.stderr);
if (c.status === 0) {
  const r = run('rec.wasm');
  check(r.status === 134 && /recursive initialization/.test(r.stderr), `a static whose initializer needs itself aborts with a message (exit ${r.status})`, r.stderr);
}

writeFileSync(join(dir, 'nothr.cpp'), '#include <thread>\nint main() { std::thread t([] {}); t.join(); }\n');
c = cxx(join(dir, 'nothr.cpp'), 'nothr.wasm', []);
check(c.status !== 0 && /thread/.test(c.stderr), 'without -pthread, std::thread is not declared (compile error)', c.stderr);

process.exit(t.failures ? 1 : 0);
