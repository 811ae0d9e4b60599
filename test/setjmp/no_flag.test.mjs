// setjmp needs no option where users compile: wasip2-cc builds a setjmp program as it is.
// Without the target's default options (a bare clang-22 that has no configuration file for the
// target: --no-default-config) a call to setjmp must fail to compile with a message naming the
// option, and the option alone makes it build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYSROOT = path.join(ROOT, 'build/sysroot');
const CLANG = process.env.CLANG || 'clang-22';
if (!fs.existsSync(SYSROOT)) { console.log('no sysroot; run make'); process.exit(77); }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sjlj-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const src = path.join(dir, 'u.c');
fs.writeFileSync(src, '#include <setjmp.h>\nstatic jmp_buf b;\nint main(void) { if (setjmp(b)) return 0; longjmp(b, 1); }\n');
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
const out = path.join(dir, 'u.wasm');
const cc = (extra) => spawnSync(CLANG, ['--no-default-config', '--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, ...extra, src, '-o', out], { encoding: 'utf8', env });
let failures = 0;
const check = (ok, what, detail) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n     ${detail}`}`); if (!ok) failures++; };

const w = spawnSync(path.join(ROOT, 'build/bin/wasip2-cc'), [src, '-o', out], { encoding: 'utf8', env });
const r = w.status === 0 ? spawnSync(path.join(ROOT, 'build/bin/wasip2-run'), [out], { encoding: 'utf8', env }) : w;
check(w.status === 0 && r.status === 0, 'wasip2-cc: a setjmp program builds with no option and runs', `${w.stderr}${r.stderr}`);
const bad = cc([]);
check(bad.status !== 0 && bad.stderr.includes('-mllvm -wasm-enable-sjlj'), 'bare clang without the options: a compile error naming them', `${bad.status} ${bad.stderr}`);
const good = cc(['-mllvm', '-wasm-enable-sjlj']);
check(good.status === 0, 'bare clang with -mllvm -wasm-enable-sjlj: builds', good.stderr);
process.exit(failures ? 1 : 0);
