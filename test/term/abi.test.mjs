// termios_abi.c built by gcc (glibc) and as a component must print the
// same struct layout, constants, cfmakeraw results and speed round-trips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
if (spawnSync('sh', ['-c', 'command -v gcc']).status !== 0) { console.log('gcc not found'); process.exit(77); }
const dir = mkdtempSync(join(tmpdir(), 'wasip2-termios-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const src = join(ROOT, 'test/term/termios_abi.c');
const exe = join(dir, 'abi'), wasm = join(dir, 'abi.wasm');
const g = spawnSync('gcc', [`-I${ROOT}/test/include`, src, '-o', exe], { encoding: 'utf8' });
const c = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, `-I${ROOT}/test/include`, src, '-o', wasm], { encoding: 'utf8', env });
if (g.status || c.status) { console.log('FAIL build\n' + g.stderr + c.stderr); process.exit(1); }
const n = spawnSync(exe, [], { encoding: 'utf8' });
const w = spawnSync(join(BIN, 'wasip2-run'), ['--check-leaks', wasm], { encoding: 'utf8' });
const nl = n.stdout.split('\n'), wl = w.stdout.split('\n');
const diff = nl.map((l, i) => (l === wl[i] ? null : `native: ${l}\nwasm:   ${wl[i]}`)).filter(Boolean);
if (n.status === 0 && w.status === 0 && diff.length === 0 && nl.length === wl.length) {
  console.log(`ok   ${nl.length - 1} lines (layout, constants, cfmakeraw, speeds) identical to glibc's`);
  process.exit(0);
}
console.log(`FAIL ${diff.length} lines differ\n${diff.join('\n')}\n${w.stderr}`);
process.exit(1);
