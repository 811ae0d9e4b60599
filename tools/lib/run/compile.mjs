// wasip2-run's compile step: every core module of the component, from the cache folder to a
// WebAssembly.Module, through the registered transforms.
//
// Extension point (docs/host-notes.md, "Runner modules"):
//   addCoreTransform(fn)  fn(bytes: Uint8Array, info: { name, dir }) -> Uint8Array (or a
//                         promise of one): rewrites a core module's bytes before it is
//                         compiled (e.g. an exception-handling translator); run in the order
//                         added, each on the previous one's output.
//   setCoreCompiler(wrap) wrap(next) -> (bytes, info) -> Promise<WebAssembly.Module>: replaces
//                         the compile itself, calling next for what it does not serve (e.g. a
//                         compiled-module cache keyed by the transformed bytes).
// The bytes each module was compiled from are kept (coreModules()) for the trap report.
const { readFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

const transforms = [];
let compile = (bytes) => WebAssembly.compile(bytes);
const loaded = [];

export function addCoreTransform(fn) { transforms.push(fn); }
export function setCoreCompiler(wrap) { compile = wrap(compile); }

// [{ name, bytes }] of the core modules compiled so far, in compile order
export function coreModules() { return loaded; }

// getCoreModule for the glue: name -> Promise<WebAssembly.Module>
export function coreLoader(dir) {
  return async (name) => {
    const info = { name, dir };
    let bytes = readFileSync(join(dir, name));
    for (const t of transforms) bytes = await t(bytes, info);
    loaded.push({ name, bytes });
    return compile(bytes, info);
  };
}
