// A program that calls setjmp without -mllvm -wasm-enable-sjlj must fail
// to compile with a message naming the flag; with the flag it must build.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYSROOT = path.join(ROOT, 'build/sysroot');
const CLANG = process.env.CLANG || 'clang-22';
if (!fs.existsSync(SYSROOT)) { console.log('no sysroot; run make'); process.exit(77); }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sjlj-'));
const src = path.join(dir, 'u.c');
fs.writeFileSync(src, '#include <setjmp.h>\nstatic jmp_buf b;\nint main(void) { if (setjmp(b)) return 0; longjmp(b, 1); }\n');
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
const cc = (extra) => spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, ...extra, src, '-o', path.join(dir, 'u.wasm')], { encoding: 'utf8', env });
const bad = cc([]);
if (bad.status === 0 || !bad.stderr.includes('-mllvm -wasm-enable-sjlj')) {
  console.log('without the flag: expected an error naming it, got', bad.status, bad.stderr);
  process.exit(1);
}
console.log('without the flag: compile error names -mllvm -wasm-enable-sjlj');
const good = cc(['-mllvm', '-wasm-enable-sjlj']);
if (good.status !== 0) { console.log('with the flag it failed:', good.stderr); process.exit(1); }
console.log('with the flag: builds');
fs.rmSync(dir, { recursive: true, force: true });
