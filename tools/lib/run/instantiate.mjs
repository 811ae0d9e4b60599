// wasip2-run's host, instantiate and run steps: the guest's environment and the host's
// configuration from the command line, the import object (../host.mjs: the native host or
// preview2-shim); the cached glue loaded and instantiated over it (core modules through
// compile.mjs); then the component's wasi:cli/run export called.
import { die, mark, say } from './cli.mjs';
import { coreLoader } from './compile.mjs';
import { buildImports, exitCodeFor } from '../host.mjs';

const { existsSync, readFileSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { pathToFileURL } = process.getBuiltinModule('node:url');
const { resolve } = process.getBuiltinModule('node:path');

// The trap report (trap.mjs) is loaded when a trap happens.
const isTrap = (e) => e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
const reportTrap = async (e, ex) => (await import('./trap.mjs')).reportTrap(e, ex);

// the host's imports
export async function buildHost(o, meta, ex) {
  const env = {};
  if (o.inheritEnv) Object.assign(env, process.env);
  for (const [k, v] of o.env) env[k] = v;
  // WASIP2_RUN_HOST_FIXES=0 runs the bare preview2-shim (to reproduce host bugs; test/host)
  const bare = process.env.WASIP2_RUN_HOST_FIXES === '0';
  try {
    return await buildImports({
      args: [o.app, ...o.args],
      env,
      preopens: o.dirs.map(([guest, host]) => [guest, resolve(host)]),
      denyNetwork: o.denyNetwork,
      packages: [...new Set(meta.imports.map((i) => i.replace(/^wasi:([^/]+)\/.*$/, '$1')))],
      onExit: (code) => ex.finish(code),
      exitStatus: () => ex.recordedStatus(),
      hostFixes: !bare,
      host: bare ? 'shim' : o.host,
      say,
    });
  } catch (e) { die(e.message); }
}

// Loading the cached glue: from its classic-script form with V8's code cache when there is one
// (Node 20 has no compile cache for ES modules; the cache is written when the first run ends,
// when the functions it ran are compiled), else as an ES module.
// { glue, saveCache() }
async function loadGlue(dir) {
  const sfile = join(dir, 'component.script.js');
  if (!existsSync(sfile)) return { glue: await import(pathToFileURL(join(dir, 'component.js')).href), saveCache() {} };
  const { Script } = process.getBuiltinModule('node:vm');
  const cfile = join(dir, 'component.script.v8cache');
  let cachedData;
  try { cachedData = readFileSync(cfile); } catch { /* first run */ }
  const script = new Script(readFileSync(sfile, 'utf8'), { filename: sfile, cachedData });
  const glue = script.runInThisContext();
  const fresh = !cachedData || script.cachedDataRejected;
  return {
    glue,
    saveCache() {
      if (!fresh) return;
      try {
        const tmp = `${cfile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cfile);
      } catch { /* a read-only cache is fine */ }
    },
  };
}

// --count-calls: each host function counted by its canonical import name
function countCalls(importObject, counts) {
  for (const [mod, fns] of Object.entries(importObject)) {
    if (!mod.includes(':') || !fns) continue;
    const wrapped = {};
    for (const [name, fn] of Object.entries(fns)) {
      if (typeof fn !== 'function') { wrapped[name] = fn; continue; }
      const key = `${mod}#${name}`;
      counts[key] = 0;
      wrapped[name] = function (...args) { counts[key]++; return fn.apply(this, args); };
    }
    importObject[mod] = wrapped;
  }
}

// The glue's core-instantiation hook: counts calls, and keeps the main core instance's status
// export (the instance that has it is the one our libc is in).
const coreInstantiator = (ex) => async (module, importObject) => {
  if (ex.counts && importObject) countCalls(importObject, ex.counts);
  const inst = await WebAssembly.instantiate(module, importObject);
  const fn = inst.exports.__wasip2_exit_status;
  if (typeof fn === 'function' && !ex.statusFn) ex.statusFn = fn;
  return inst;
};

export async function instantiate(o, dir, imports, ex) {
  try {
    mark('host built');
    const loaded = await loadGlue(dir);
    mark('glue loaded');
    const instance = await loaded.glue.instantiate(coreLoader(dir), imports, coreInstantiator(ex));
    mark('instantiated');
    ex.saveGlueCache = loaded.saveCache;
    return instance;
  } catch (e) {
    if (isTrap(e)) await reportTrap(e, ex);
    die(`${o.app}: cannot instantiate: ${e?.message ?? e}`);
  }
}

// Calls wasi:cli/run (any 0.2.x: components built by other toolchains export @0.2.12 and the
// like) and finishes with its status.
export async function runCommand(o, instance, ex) {
  const runKey = Object.keys(instance).find((k) => /^wasi:cli\/run@0\.2\.\d+$/.test(k));
  const runIface = (runKey && instance[runKey]) ?? instance.run;
  if (!runIface || typeof runIface.run !== 'function') {
    die(`${o.app}: the component does not export wasi:cli/run@0.2.x (a reactor?)`);
  }
  try {
    mark('run starts');
    await runIface.run();
  } catch (e) {
    // jco's glue throws the (empty) error payload of result<_, _> itself: `throw undefined`.
    if (e === undefined || (e && e.name === 'ComponentError' && e.payload === undefined)) ex.finish(exitCodeFor(true, ex.recordedStatus()));
    await reportTrap(e, ex);
  }
  ex.finish(0);
}
