// find_package(Threads) with the toolchain file picks -pthread (not "threads are in libc",
// which would link the single-threaded pthread_create), and a Threads::Threads program runs
// a thread that really runs.
//! timeout: 600
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, skip } from '../build/lib.mjs';

const has = (c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
if (!has('cmake')) skip('cmake not installed');
const dir = mkdtempSync(join(tmpdir(), 'wasip2-cmake-threads-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const src = join(dir, 'src');
spawnSync('mkdir', ['-p', src]);
writeFileSync(join(src, 'CMakeLists.txt'), `cmake_minimum_required(VERSION 3.13)
project(threads_probe C)
find_package(Threads REQUIRED)
message(STATUS "THREADS_FLAGS=[\${CMAKE_THREAD_LIBS_INIT}] ARG=[\${THREADS_HAVE_PTHREAD_ARG}]")
add_executable(t t.c)
target_link_libraries(t Threads::Threads)
`);
writeFileSync(join(src, 't.c'), `#include <pthread.h>
#include <stdio.h>
static int ran;
static void *f(void *a) { ran = *(int *)a; return 0; }
int main(void) {
  pthread_t t;
  int v = 42;
  if (pthread_create(&t, 0, f, &v) || pthread_join(t, 0)) return 1;
  printf("thread ran: %d\\n", ran);
  return ran == 42 ? 0 : 2;
}
`);
const b = join(dir, 'b');
const tc = join(ROOT, 'build/share/cmake/wasip2-toolchain.cmake');
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : '\n     ' + String(detail).trim().slice(-2000)}`);
  if (!ok) failures++;
};
let r = spawnSync('cmake', ['-S', src, '-B', b, `-DCMAKE_TOOLCHAIN_FILE=${tc}`], { encoding: 'utf8', timeout: 300000 });
const o = (r.stdout || '') + (r.stderr || '');
check(r.status === 0 && /THREADS_FLAGS=\[-pthread\] ARG=\[(1|TRUE|ON)\]/i.test(o), 'find_package(Threads) chooses -pthread', o);
if (r.status === 0) {
  r = spawnSync('cmake', ['--build', b], { encoding: 'utf8', timeout: 300000 });
  check(r.status === 0 && existsSync(join(b, 't.wasm')), 'the Threads::Threads target builds', (r.stdout || '') + (r.stderr || ''));
  if (r.status === 0) {
    r = spawnSync(join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', join(b, 't.wasm')], { encoding: 'utf8', timeout: 120000 });
    check(r.status === 0 && /thread ran: 42/.test(r.stdout), 'its thread runs', (r.stdout || '') + (r.stderr || ''));
  }
}
process.exit(failures ? 1 : 0);
