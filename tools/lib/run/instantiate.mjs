// wasip2-run's instantiate and run steps: the glue instantiated over the host's imports (core
// modules through compile.mjs), then the component's wasi:cli/run export called.
import { die, mark } from './report.mjs';
import { loadGlue } from './glue.mjs';
import { coreLoader } from './compile.mjs';
import { isTrap, reportTrap } from './trap.mjs';
import { exitCodeFor } from '../host.mjs';

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
    if (isTrap(e)) reportTrap(e, ex);
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
    reportTrap(e, ex);
  }
  ex.finish(0);
}
