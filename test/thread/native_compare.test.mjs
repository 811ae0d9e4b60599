// Linux is the oracle: keys.c built with gcc (-pthread) and with our
// toolchain must print the same lines and exit with the same status in
// each of its modes (key destructors, pthread_once, cleanup handlers,
// pthread_exit / exit / return / self-cancellation of the main thread).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
const dir = mkdtempSync(join(tmpdir(), 'wasip2-thread-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
if (spawnSync('sh', ['-c', 'command -v gcc']).status !== 0) { console.log('gcc not found'); process.exit(77); }
const src = join(ROOT, 'test/thread/keys.c');
const exe = join(dir, 'keys'), wasm = join(dir, 'keys.wasm');
let r = spawnSync('gcc', ['-O2', '-pthread', `-I${ROOT}/test/include`, src, '-o', exe], { encoding: 'utf8' });
if (r.status !== 0) { console.log('FAIL gcc build\n' + r.stderr); process.exit(1); }
r = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', `-I${ROOT}/test/include`, src, '-o', wasm, '-lpthread'], { encoding: 'utf8', env });
if (r.status !== 0) { console.log('FAIL wasm build\n' + r.stderr); process.exit(1); }
let failures = 0;
for (const mode of ['pthread_exit', 'exit', 'return', 'cancel']) {
  const n = spawnSync(exe, [mode], { encoding: 'utf8' });
  const w = spawnSync(join(BIN, 'wasip2-run'), ['--check-leaks', wasm, mode], { encoding: 'utf8' });
  const same = n.stdout === w.stdout && n.status === w.status;
  console.log(`${same ? 'ok  ' : 'FAIL'} mode ${mode}: ${n.stdout.split('\n').length - 1} lines, status ${w.status} (native ${n.status})`);
  if (!same) {
    failures++;
    console.log(`--- native\n${n.stdout}--- wasm\n${w.stdout}${w.stderr}`);
  }
}
process.exit(failures ? 1 : 0);
