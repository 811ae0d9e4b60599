// test/stdio/buffers.c built twice, with gcc (Linux is the oracle) and as a component,
// each on a fresh directory: both must pass every check and print the same stdout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, CLANG, skip } from '../build/lib.mjs';

const GCC = process.env.GCC || 'gcc';
const src = path.join(ROOT, 'test/stdio/buffers.c');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stdio-buffers-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
const sh = (cmd, args) => spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 120000 });

const nat = path.join(tmp, 'buffers'), wasm = path.join(tmp, 'buffers.wasm');
let r = sh(GCC, ['-O2', '-Wall', `-I${ROOT}/test/include`, src, '-o', nat]);
if (r.status !== 0) skip(`no native build (${GCC}): ${r.stderr.trim().split('\n')[0]}`);
r = sh(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', '-Wall', `-I${ROOT}/test/include`, src, '-o', wasm]);
if (r.status !== 0) { console.log(`FAIL wasm build\n${r.stderr}`); process.exit(1); }
for (const d of ['n', 'w']) fs.mkdirSync(path.join(tmp, d));
const a = sh(nat, [path.join(tmp, 'n')]);
const b = sh(path.join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', '--dir', `${path.join(tmp, 'w')}::/data`, wasm, '/data']);
let failed = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failed++; };
check(a.status === 0, 'native build passes its checks', a.stdout + a.stderr);
check(b.status === 0, 'component passes its checks', b.stdout + b.stderr);
check(a.stdout === b.stdout && a.stdout.includes('stdout end\n'), 'same stdout as Linux', `native:\n${a.stdout.slice(-300)}\nwasm:\n${b.stdout.slice(-300)}`);
process.exit(failed ? 1 : 0);
