// Host bug 12: jco's transpiler rejects wasm exception handling (clang-22 -mllvm
// -wasm-enable-sjlj, legacy encoding); wasip2-run must run such components anyway.
// The guest carries its own tiny sjlj runtime so this test does not need libc.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RUNNER, SJLJ_RT, compile, makeTestWit, sjljProgram, skip, tempDir, which } from '../tools/fixtures.mjs';

if (!which('clang-22')) skip('clang-22 not found');
const RT = SJLJ_RT;
const SRC = sjljProgram(10000);
const dir = tempDir('sjlj');
writeFileSync(join(dir, 'rt.c'), RT);
const rt = spawnSync('clang-22', ['--target=wasm32-wasip2', '-O2', '-c', join(dir, 'rt.c'), '-o', join(dir, 'rt.o')], { encoding: 'utf8' });
if (rt.status) { console.log(rt.stderr); process.exit(1); }
const built = compile(dir, makeTestWit(dir), SRC, 'sj.wasm', ['-mllvm', '-wasm-enable-sjlj', join(dir, 'rt.o')]);
if (built.status) { console.log(built.stderr); process.exit(1); }

let failures = 0;
// bare host: jco's transpiler on the component as is
const { transpileBytes } = await import(pathToFileURL(join(ROOT, 'node_modules/@bytecodealliance/jco-transpile/dist/transpile.js')).href);
let bareMsg = 'transpiled';
try { await transpileBytes(readFileSync(built.path), { name: 'component', instantiation: 'async' }); } catch (e) { bareMsg = String(e?.message ?? e).split('\n')[0]; }
console.log(`bare jco transpile: ${bareMsg === 'transpiled' ? 'did NOT reproduce the bug' : `rejected (${bareMsg})`}`);
const r = spawnSync(process.execPath, [RUNNER, '--check-leaks', built.path], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') } });
const ok = r.status === 0 && r.stdout === '10000 longjmps ok\n';
console.log(`${ok ? 'ok  ' : 'FAIL'} bug 12: wasip2-run runs a setjmp/longjmp component (10000 longjmps)${ok ? '' : `\n  exit ${r.status} ${r.stdout} ${r.stderr}`}`);
if (!ok) failures++;
process.exit(failures ? 1 : 0);
