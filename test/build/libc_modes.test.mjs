// Through the real sysroot and libc (test/tools covers the linker without libc):
// -mexec-model=reactor builds a library component the runner refuses clearly;
// a C stack overflow ends with the runner's one-line message naming the flag;
// -Wl,-z,stack-size=N overrides the 1 MiB default in both directions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, CLANG } from './lib.mjs';

const RUNNER = path.join(ROOT, 'build/bin/wasip2-run');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'libc-modes-'));
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
let failed = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).slice(0, 2000)}`}`);
  if (!ok) failed++;
};
const cc = (name, src, flags = []) => {
  const c = path.join(tmp, `${name}.c`), out = path.join(tmp, `${name}.wasm`);
  fs.writeFileSync(c, src);
  const r = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, ...(flags.some((f) => /^-O/.test(f)) ? [] : ['-O2']), ...flags, c, '-o', out], { env, encoding: 'utf8' });
  return { ...r, out };
};
const run = (wasm) => spawnSync(RUNNER, [wasm], { env, encoding: 'utf8', timeout: 60000 });

let r = cc('lib', 'int add(int a, int b) { return a + b; }\n', ['-mexec-model=reactor', '-Wl,--export=add']);
const isComponent = r.status === 0 && fs.readFileSync(r.out).subarray(4, 8).equals(Buffer.from([0x0d, 0x00, 0x01, 0x00]));
check(isComponent, '-mexec-model=reactor with libc links a component', r.stderr);
if (isComponent) {
  const rr = run(r.out);
  check(rr.status === 2 && /does not export wasi:cli\/run/.test(rr.stderr) && !/\n\s+at /.test(rr.stderr),
    'runner on a reactor: exit 2, one clear line', rr.stderr);
}

r = cc('rec', '#include <stdio.h>\nstatic int deep(volatile int n) { volatile char b[4096]; b[0] = n;'
  + ' return n > 1000000000 ? 0 : deep(n + 1) + b[0]; }\nint main(void) { puts("start"); return deep(0); }\n', ['-O0']);
if (r.status !== 0) check(false, 'recursion program builds', r.stderr);
else {
  const rr = run(r.out);
  check(rr.status === 134 && rr.stdout === 'start\n' && /^wasip2-run: trap: stack overflow.*stack-size/.test(rr.stderr)
    && /\nwasm backtrace:\n(.*\n){3}\s+\.\.\. \d+ more frames of the same function\n/.test(rr.stderr)
    && rr.stderr.trim().split('\n').length < 12, 'C stack overflow: exit 134, a line naming -z stack-size, a short backtrace', rr.stderr);
}

const BIG = '#include <stdio.h>\n#include <string.h>\n__attribute__((noinline)) static int use(volatile char *p, size_t n)'
  + ' { int s = 0; for (size_t i = 0; i < n; i += 4096) { p[i] = 1; s += p[i]; } return s; }\n'
  + 'int main(void) { volatile char big[512 * 1024]; printf("%d\\n", use(big, sizeof big)); return 0; }\n';
r = cc('big', BIG);
let rr = r.status === 0 ? run(r.out) : { status: -1, stderr: r.stderr };
check(rr.status === 0 && rr.stdout === '128\n', 'default stack: 512 KiB array works', rr.stderr);
r = cc('small', BIG, ['-Wl,-z,stack-size=65536']);
rr = r.status === 0 ? run(r.out) : { status: -1, stderr: r.stderr };
check(rr.status === 134 && /stack overflow/.test(rr.stderr), '-Wl,-z,stack-size=65536: the same program overflows', rr.stderr);
r = cc('huge', BIG.replace('512 * 1024', '3 * 1024 * 1024').replace('128\\n', '768\\n'), ['-Wl,-z,stack-size=4194304']);
rr = r.status === 0 ? run(r.out) : { status: -1, stderr: r.stderr };
check(rr.status === 0 && rr.stdout === '768\n', '-Wl,-z,stack-size=4194304: a 3 MiB array works', rr.stderr);

fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
