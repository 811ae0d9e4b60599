// The ten path functions that resolve into a static struct __wasip2_fs_at
// (src/include/wasip2_fs.h) are thread-safe only because no thread switch
// can happen inside them.  The -pthread link computes exactly which
// functions may switch (tools/lib/threads.mjs instruments those for
// Asyncify, WASIP2_ASYNCIFY_SHOW=1 lists them): none of the ten may be in
// that list (fstatat only through its last call, see ALLOWED), for
// path_threads.c, which also links poll, select, epoll, sockets and stdio
// reads.  Then path_threads.c runs: two threads whose
// path calls interleave each get answers about their own paths.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir, skip } from '../tools/fixtures.mjs';

const CC = join(ROOT, 'build/bin/wasip2-cc');
if (!existsSync(CC)) skip('build/bin/wasip2-cc not built');
const PATH_FUNCS = ['openat', 'fstatat', 'faccessat', 'mkdirat', 'symlinkat', 'readlinkat', 'utimensat', 'set_times',
  '__wasilibc_unlinkat', '__wasilibc_rmdirat', '__wasilibc_find_relpath', '__wasilibc_find_relpath_alloc', 'lookup'];
// The one the analysis cannot clear, and why that is safe: its last call,
// __wasip2_dev_stat -> fstat() for /dev/stdin and /dev/fd/N, goes through an
// fd's ops->fstat (an indirect call whose signature switching functions
// share), after fstatat and __wasip2_dev_stat are done with the path.
const ALLOWED = new Map([['fstatat', ['__wasip2_dev_stat', 'fstat']]]);
const dir = tempDir('paththreads');
const wasm = join(dir, 'path_threads.wasm');
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failures++; };
let r = spawnSync(CC, ['-pthread', '-O2', `-I${join(ROOT, 'test/include')}`, join(ROOT, 'test/fs/path_threads.c'), '-o', wasm],
  { encoding: 'utf8', env: { ...process.env, WASIP2_ASYNCIFY_SHOW: '1' } });
if (r.status !== 0) { console.log(`FAIL build\n${r.stderr}`); process.exit(1); }
const m = /asyncify: (\d+) functions: ([^\n]*)/.exec(r.stderr);
check(m && Number(m[1]) > 0, `the -pthread link lists the functions that may switch (${m ? m[1] : 'none'})`, r.stderr);
if (m) {
  const can = new Set(m[2].trim().split(/\s+/));
  const bad = PATH_FUNCS.filter((f) => can.has(f) && !ALLOWED.has(f));
  for (const [f, via] of ALLOWED) {
    check(!can.has(f) || via.every((g) => can.has(g)), `${f}: may switch only through ${via.join(' -> ')}`, m[2]);
  }
  check(can.has('poll') || can.has('__wasip2_poll') || can.has('__wasip2_thread_wait'), 'the list holds the waits (the analysis ran on them)', m[2]);
  check(bad.length === 0, `no path function with a static resolution may switch threads${bad.length ? `: ${bad.join(', ')}` : ''}`);
}
const data = join(dir, 'data');
mkdirSync(data);
r = spawnSync(join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', '--dir', `${data}::/data`, wasm], { encoding: 'utf8', timeout: 120000 });
check(r.status === 0 && /passed: 0 failed/.test(r.stdout), 'two threads interleaving path calls: each sees its own paths', r.stdout + r.stderr);
process.exit(failures ? 1 : 0);
