// termios on a real terminal: tty_probe.c runs on a pseudo-terminal made by
// script(1), natively (gcc) and as a component.  The "same:" lines must be
// identical (what a fresh Linux terminal reports and accepts); the "wasi:"
// lines are what WASI cannot do: mode changes EINVAL, input flush, flow
// control and breaks ENOTSUP.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT } from '../build/lib.mjs';

const BIN = join(ROOT, 'build/bin');
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
const have = (c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0;
if (!have('script') || !have('gcc')) { console.log('needs script(1) and gcc'); process.exit(77); }
const dir = mkdtempSync(join(tmpdir(), 'wasip2-tty-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const src = join(ROOT, 'test/term/tty_probe.c');
const exe = join(dir, 'probe'), wasm = join(dir, 'probe.wasm');
let r = spawnSync('gcc', [`-I${ROOT}/test/include`, src, '-o', exe], { encoding: 'utf8' });
if (r.status !== 0) { console.log('FAIL gcc\n' + r.stderr); process.exit(1); }
r = spawnSync('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, `-I${ROOT}/test/include`, src, '-o', wasm], { encoding: 'utf8', env });
if (r.status !== 0) { console.log('FAIL wasm build\n' + r.stderr); process.exit(1); }
// script -q: no banner; -e: its status is the command's; stdin from /dev/null keeps it from
// waiting on ours.  The pty turns \n into \r\n.
const onPty = (cmd) => spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env, input: '', timeout: 60000 });
const n = onPty(exe), w = onPty(`${join(BIN, 'wasip2-run')} --check-leaks ${wasm}`);
const lines = (o) => (o.stdout || '').replace(/\r/g, '').split('\n').filter(Boolean);
const pick = (o, k) => lines(o).filter((l) => l.startsWith(k));
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : '\n' + detail}`); if (!ok) failures++; };
const ns = pick(n, 'same:'), ws = pick(w, 'same:');
if (n.status !== 0 || !ns.length || !/isatty 0 1 1 1/.test(ns[0])) {
  console.log(`no usable pseudo-terminal here (native probe: ${JSON.stringify(n.stdout)} status ${n.status})`);
  process.exit(77);
}
check(w.status === 0, 'component ran on the terminal, no leaks', w.stdout + w.stderr);
check(JSON.stringify(ns) === JSON.stringify(ws), `${ns.length} "same:" lines agree with Linux`,
  `native:\n${ns.join('\n')}\nwasm:\n${ws.join('\n')}`);
const want = ['wasi: tcsetattr(raw) -1 Invalid argument', 'wasi: tcsetattr(B9600) -1 Invalid argument',
  'wasi: tcflush(TCIFLUSH) -1 Operation not supported', 'wasi: tcflow(TCOOFF) -1 Operation not supported', 'wasi: tcsendbreak -1 Operation not supported'];
check(JSON.stringify(pick(w, 'wasi:')) === JSON.stringify(want), 'what WASI cannot do fails with a clear errno',
  pick(w, 'wasi:').join('\n'));
for (const l of ns) console.log(`     ${l}`);
process.exit(failures ? 1 : 0);
