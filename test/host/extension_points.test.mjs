// The runner's extension points work as docs/host-notes.md ("Runner modules") says:
//   - a core transform (run/compile.mjs) sees every core module's bytes before compile, and
//     what it returns is what runs; setCoreCompiler wraps the compile itself;
//   - a trap reporter (run/trap.mjs) gets the error and the core modules as compiled, and its
//     lines follow the trap line;
//   - a native-host event source (host/io.mjs) has its fd polled during a blocking wait, its
//     handle() run, and can make a waiting pollable ready.
// The plug-ins are loaded with `node --import`, into the same module instances the runner uses.
import { spawnSync } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, RUNNER, tempDir } from '../tools/fixtures.mjs';

const dir = tempDir('extpoints');
let failures = 0;
const check = (ok, what, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `\n  ${detail}`}`); if (!ok) failures++; };
const cc = (name, src) => {
  writeFileSync(join(dir, `${name}.c`), src);
  const r = spawnSync(join(ROOT, 'build/bin/wasip2-cc'), ['-O1', join(dir, `${name}.c`), '-o', join(dir, `${name}.wasm`)], { encoding: 'utf8' });
  if (r.status !== 0) { console.log(`FAIL build ${name}\n${r.stderr}`); process.exit(1); }
  return join(dir, `${name}.wasm`);
};
const hello = cc('hello', '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n');
const trapper = cc('trapper', '#include <stdio.h>\nint main(void) { puts("before"); fflush(stdout); __builtin_trap(); }\n');
const url = (f) => pathToFileURL(join(ROOT, 'tools/lib', f)).href;

// ---- compile step and trap report, as plug-ins
const plugin = join(dir, 'plugin.mjs');
writeFileSync(plugin, `
import { addCoreTransform, setCoreCompiler } from '${url('run/compile.mjs')}';
import { addTrapReporter } from '${url('run/trap.mjs')}';
import { writeSync } from 'node:fs';
const seen = [];
addCoreTransform((bytes, info) => { seen.push(info.name + ':' + bytes.length); return bytes; });
addCoreTransform(async (bytes) => new Uint8Array(bytes)); // async, a copy: still runs
let compiled = 0;
setCoreCompiler((next) => (bytes, info) => { compiled++; return next(bytes, info); });
process.on('exit', () => writeSync(2, 'plugin: transformed ' + seen.join(',') + ' compiled ' + compiled + '\\n'));
addTrapReporter((e, { modules, message }) => ['reporter: ' + e.constructor.name + ' / ' + message + ' / '
  + modules.map((m) => m.name + ' ' + (m.bytes[0] === 0 && m.bytes[1] === 0x61 ? 'wasm' : '?')).join(', ')]);
addTrapReporter(() => { throw new Error('broken reporter'); });
`);
const run = (wasm) => spawnSync(process.execPath, ['--import', pathToFileURL(plugin).href, RUNNER, wasm], { encoding: 'utf8', env: { ...process.env, WASIP2_RUN_HOST: '' } });
let r = run(hello);
const m = /plugin: transformed (\S+) compiled (\d+)/.exec(r.stderr);
check(r.status === 0 && r.stdout === 'hello\n', 'hello runs with the plug-in', r.stderr);
check(m && m[1].split(',').length === Number(m[2]) && /component\.core\.wasm:\d+/.test(m[1]), `every core module went through the transforms and the compiler (${m?.[1]})`, r.stderr);
r = run(trapper);
check(r.status === 134 && /wasip2-run: trap: wasm `unreachable` instruction executed/.test(r.stderr), 'the trap is reported as before', r.stderr);
check(/wasip2-run: reporter: RuntimeError \/ wasm `unreachable` instruction executed \/ component\.core\.wasm wasm/.test(r.stderr), 'the reporter gets the error and the compiled core modules', r.stderr);
check(/wasip2-run: trap report: broken reporter/.test(r.stderr) && r.stderr.indexOf('trap:') < r.stderr.indexOf('reporter:'), 'its lines follow the trap line; a broken reporter is noted, not fatal');

// ---- an event source, in this process, over the real native module
const { nativeModulePath } = await import(url('host.mjs'));
if (nativeModulePath()) {
  const { loadNative, buildNativeImports, addEventSource } = await import(url('native-host.mjs'));
  const { Pollable, READY } = await import(url('host/io.mjs'));
  const imports = buildNativeImports({ args: [], env: {}, preopens: [] }, loadNative(nativeModulePath()));
  const { K } = await import(url('host/context.mjs')); // set by buildNativeImports
  const zero = openSync('/dev/zero', 'r'); // always readable
  let active = false, handled = 0, fired = false;
  addEventSource({
    active: () => active,
    watch(add) { add(zero, K.POLLIN); },
    maxWaitNs: 50e6,
    handle(pfds, from, to) { handled++; if (to - from === 1 && (pfds[2 * from + 1] & K.POLLIN)) fired = true; },
  });
  const far = imports['wasi:clocks/monotonic-clock'].subscribeDuration(30_000_000_000n); // 30 s
  const waiter = new Pollable(() => (fired ? READY : far._need()));
  active = true;
  const t0 = Date.now();
  const ready = imports['wasi:io/poll'].poll([far, waiter]);
  check(JSON.stringify(ready) === '[1]' && handled >= 1 && Date.now() - t0 < 5000, `a blocking poll serves the source, which wakes a pollable (ready ${JSON.stringify(ready)}, ${handled} handled)`);
  active = false;
  handled = 0;
  const soon = imports['wasi:clocks/monotonic-clock'].subscribeDuration(20_000_000n);
  imports['wasi:io/poll'].poll([soon]);
  check(handled === 0, 'an inactive source is left alone');
} else console.log('ok   (event source part skipped: the native host is not built)');
process.exit(failures ? 1 : 0);
