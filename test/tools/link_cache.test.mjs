// wasm-component-ld's component cache (tools/lib/link-cache.mjs): a program whose module
// has the interface of one linked before is spliced into the stored component; the result
// is byte for byte what the full path (WASIP2_LINK_CACHE=off) makes, and it runs. A new
// interface adds one entry; a damaged entry is replaced, not trusted; off writes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, CLANG } from '../build/lib.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'link-cache-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const cache = path.join(tmp, 'cache');
const base = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };
let failed = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail}`}`); if (!ok) failed++; };

function build(name, src, cacheDir) {
  const c = path.join(tmp, `${name}.c`), out = path.join(tmp, `${name}.${cacheDir ? 'c' : 'n'}.wasm`);
  fs.writeFileSync(c, src);
  // off: and the default location (under XDG_CACHE_HOME) must stay untouched
  const env = { ...base, WASIP2_LINK_CACHE: cacheDir || 'off', XDG_CACHE_HOME: path.join(tmp, 'xdg') };
  const r = spawnSync(CLANG, ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', c, '-o', out], { env, encoding: 'utf8' });
  if (r.status !== 0) { check(false, `${name} builds`, r.stderr); return null; }
  return fs.readFileSync(out);
}
const entries = () => (fs.existsSync(cache) ? fs.readdirSync(cache).filter((f) => !f.startsWith('.')) : []);
const run = (bytes, name) => {
  const f = path.join(tmp, `${name}.run.wasm`);
  fs.writeFileSync(f, bytes);
  return spawnSync(path.join(ROOT, 'build/bin/wasip2-run'), ['--check-leaks', f], { encoding: 'utf8' });
};

const A = '#include <stdio.h>\nint main(void) { puts("first program"); return 0; }\n';
// same interface (puts, exit status), different code, data and function names
const B = '#include <stdio.h>\n__attribute__((noinline)) void shout(const char *s) { puts(s); puts(s); }\n'
  + 'int main(void) { shout("second, longer program text"); return 3; }\n';
// another interface: reads a file
const C = '#include <stdio.h>\nint main(void) { FILE *f = fopen("/nope", "r"); printf("%d\\n", f == NULL); return 0; }\n';

const a1 = build('a', A, cache);
check(a1 && entries().length === 1, 'first link stores one entry', `entries: ${entries().length}`);
const b1 = build('b', B, cache);
check(b1 && entries().length === 1, 'same interface: no new entry (a hit)', `entries: ${entries().length}`);
const b0 = build('b', B, null);
check(b0 && b1 && Buffer.compare(b0, b1) === 0, 'spliced component is identical to the full path output');
const r = b1 && run(b1, 'b');
check(r && r.status === 3 && r.stdout === 'second, longer program text\nsecond, longer program text\n', 'spliced component runs', r && r.stdout + r.stderr);
const c1 = build('c', C, cache);
check(c1 && entries().length === 2, 'a new interface adds an entry', `entries: ${entries().length}`);
const c0 = build('c', C, null);
check(c0 && c1 && Buffer.compare(c0, c1) === 0, 'its component is identical to the full path output');

// damage every entry: the next link must not splice garbage
for (const e of entries()) fs.writeFileSync(path.join(cache, e), 'wasip2-link-cache 1\n5 5 5\nshort');
const b2 = build('b', B, cache);
check(b2 && b0 && Buffer.compare(b0, b2) === 0, 'a damaged entry is ignored and rewritten');
check(b2 && run(b2, 'b2').status === 3, 'and the result runs');

build('a', A, null);
check(!fs.existsSync(path.join(tmp, 'xdg')), 'WASIP2_LINK_CACHE=off writes nothing (not even in the default place)');
process.exit(failed ? 1 : 0);
