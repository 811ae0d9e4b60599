// What keeps wasip2-run's start-up short, checked by structure (no timing): the runner compiles
// as a CommonJS script (else Node compiles it twice: CommonJS, fails, then as an ES module); the
// ES modules it loads on the way to `run` can be require()d (no top-level await) and import no
// built-in module (an ES import of one builds its facade: node:process's made stdout and
// stderr); and a warm run on the native host loads no preview2-shim, jco-transpile or glue
// rewriting module.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT, RUNNER, tempDir } from '../tools/fixtures.mjs';

let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n${detail}`}`); if (!ok) failures++; };

const src = readFileSync(RUNNER, 'utf8').replace(/^#!.*/, '');
let err = null;
try { vm.compileFunction(src, ['exports', 'require', 'module', '__filename', '__dirname']); } catch (e) { err = e; }
check(err === null, 'tools/wasip2-run compiles as a CommonJS script', String(err));

const require = createRequire(import.meta.url);
for (const lib of ['wasm-info.mjs', 'paths.mjs', 'host.mjs', 'native-host.mjs']) {
  const file = join(ROOT, 'tools', 'lib', lib);
  const text = readFileSync(file, 'utf8');
  const builtins = [...text.matchAll(/^import\s[^;]*?from\s+['"](node:[^'"]+)['"]/gm)].map((m) => m[1]);
  check(builtins.length === 0, `${lib} imports no built-in module as an ES module`, builtins.join(', '));
  if (process.features?.require_module) {
    let e = null;
    try { require(file); } catch (x) { e = x; }
    check(e === null, `${lib} can be required (no top-level await)`, String(e));
  }
}

// which ES modules a run loads: Node's own ESM debug log names each one it stores
// (NODE_DEBUG=esm); the shim run is the control that the log is read right
const dir = tempDir('startup');
const wasm = join(dir, 'hello.wasm');
const c = join(dir, 'hello.c');
writeFileSync(c, '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n');
let r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O1', c, '-o', wasm], { encoding: 'utf8' });
if (r.status !== 0) { console.log(`FAIL build\n${r.stderr}`); process.exit(1); }
const modules = (host) => {
  const x = spawnSync(process.execPath, [RUNNER, `--host=${host}`, wasm], { encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache'), NODE_DEBUG: 'esm' } });
  const list = [...x.stderr.matchAll(/Storing (file:\S+)/g)].map((m) => m[1]);
  return { ok: x.status === 0 && x.stdout === 'hi\n', list, text: x.stdout + x.stderr.slice(-400) };
};
modules('native'); // transpiles into the cache
const nat = modules('native'), shim = modules('shim');
check(nat.ok && shim.ok, 'hello runs on both hosts (warm)', nat.text + shim.text);
check(shim.list.some((f) => f.includes('preview2-shim')), 'control: the shim run shows preview2-shim in the module log', shim.list.join('\n'));
check(nat.list.length > 0 && !nat.list.some((f) => f.includes('preview2-shim')), 'the native host loads no preview2-shim module', nat.list.join('\n'));
check(!nat.list.some((f) => /jco-transpile|glue-fast|sjlj/.test(f)), 'a warm run loads neither jco-transpile nor the glue rewriter', nat.list.join('\n'));
process.exit(failures ? 1 : 0);
