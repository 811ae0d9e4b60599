// A faster path through jco-transpile's generated glue for synchronous host imports.
//
// The glue (jco-transpile 0.15) wraps every call of an imported function in its component-
// model-async machinery: per call it creates a task, a subtask with a waitable and a promise,
// formats strings for them, and reads process.env.JCO_DEBUG for each of a dozen debug log
// lines. For a sync-lowered sync import (all of WASI 0.2), none of that does anything, and it
// cost 50-140 us per host call here, far more than the system call behind it. fastGlue()
// rewrites the glue text:
//   - _debugLog reads JCO_DEBUG once, when the glue loads, instead of per line;
//   - each import trampoline whose task set-up has the expected shape gets a stand-in task
//     (its resolve/exit do nothing) and runs the host function directly; it is marked, and
//     _lowerImportBackwardsCompat calls marked trampolines at once, without the subtask;
//   - the core instance imports marked trampolines directly (no bound wrapper). That also
//     skips the glue's may-leave check, which only catches a guest calling an import from
//     inside cabi_realloc or a post-return function: no WASI host function calls back into
//     the guest, so there is nothing else to guard.
// Anything that does not match is left as it was (correct, just slower); the returned count
// says how many trampolines were rewritten.
export function fastGlue(glue) {
  let out = glue;
  const dbg = /const _debugLog = \(\.\.\.args\) => \{\s*if \(!globalThis\?\.process\?\.env\?\.JCO_DEBUG\) \{ return; \}\s*console\.debug\(\.\.\.args\);\s*\};/;
  if (dbg.test(out)) {
    out = out.replace(dbg, 'const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};\n'
      + '  const _wasip2SyncTask = { componentIdx: () => 0, id: () => 0, resolve() {}, exit() {} };\n'
      + '  const _wasip2Direct = (a) => a.fn();');
  } else return { glue, trampolines: 0 };

  const lower = /function _lowerImportBackwardsCompat\(args\) \{\s*const params = \[\.\.\.arguments\]\.slice\(1\);/;
  if (!lower.test(out)) return { glue, trampolines: 0 };
  out = out.replace(lower, 'function _lowerImportBackwardsCompat(args, ...params) {\n'
    + '    if (args.importFn._wasip2Sync && !args.isAsync && !args.isManualAsync && !args.funcTypeIsAsync) {\n'
    + '      _checkMayLeave(args.componentIdx);\n'
    + '      return args.importFn(...params);\n'
    + '    }');

  // dataView(memory) runs for every field a trampoline writes, and its check reads
  // WebAssembly.Memory#buffer (a call into the engine) each time: about 3 us per stat-at.
  // A grown memory detaches the old buffer (its byteLength becomes 0), which is the cheap
  // check; the memory object is compared too, for components with several memories.
  const dvOld = 'const dataView = mem => dv.buffer === mem.buffer ? dv : dv = new DataView(mem.buffer);';
  if (out.includes(dvOld)) {
    out = out.replace(dvOld, 'let dvMem = null;\n  const dataView = mem => (dvMem === mem && dv.buffer.byteLength !== 0) ? dv : (dvMem = mem, dv = new DataView(mem.buffer));');
  }

  // Strings from the guest (paths, mostly) are decoded with TextDecoder, whose fixed cost
  // (a call into the runtime) is larger than decoding a short ASCII path in JS.
  const dec = /TEXT_DECODER_UTF8\.decode\(new Uint8Array\((memory\d+)\.buffer, (ptr\d+), (len\d+)\)\)/g;
  if (/const TEXT_DECODER_UTF8 = new TextDecoder\(\);/.test(out) && dec.test(out)) {
    out = out.replace(dec, '_wasip2Utf8($1, $2, $3)').replace('const _wasip2Direct = (a) => a.fn();',
      'const _wasip2Direct = (a) => a.fn();\n'
      + '  const _wasip2Utf8 = (mem, ptr, len) => {\n'
      + '    const b = new Uint8Array(mem.buffer, ptr, len);\n'
      + '    if (len > 64) return TEXT_DECODER_UTF8.decode(b);\n'
      + '    let s = \'\';\n'
      + '    for (let i = 0; i < len; i++) { const c = b[i]; if (c >= 0x80) return TEXT_DECODER_UTF8.decode(b); s += String.fromCharCode(c); }\n'
      + '    return s;\n'
      + '  };');
  }

  let n = 0;
  out = out.replace(/const (_trampoline\d+) = function\(([^)]*)\) \{([\s\S]*?)\n  \1\.fnName = ('[^']*');/g, (whole, name, params, body, fnName) => {
    const setup = /\n\s*let parentTask;\s*let task;\s*let subtask;[\s\S]*?const started = task\.enterSync\(\);/;
    const m = body.match(setup);
    if (!m || !/const hostProvided = true;/.test(body)) return whole;
    if ((body.match(/_withGlobalCurrentTaskMeta\(\{/g) || []).length !== 1) return whole;
    const after = body.slice(body.indexOf(m[0]) + m[0].length);
    if (/\bsubtask\b|\bparentTask\b|\bstarted\b/.test(after)) return whole; // uses what we drop
    n++;
    const nb = body.replace(m[0], '\n    const task = _wasip2SyncTask;').replace('_withGlobalCurrentTaskMeta({', '_wasip2Direct({');
    return `const ${name} = function(${params}) {${nb}\n  ${name}.fnName = ${fnName};\n  ${name}._wasip2Sync = true;`;
  });
  // Hand marked trampolines to the core instance directly instead of through the bound
  // _lowerImportBackwardsCompat (its rest-argument spread and checks cost a few us per call):
  // reassign each `trampolineN` just before the core modules are instantiated.
  const anchor = out.search(/\n  Promise\.all\(\[module0/);
  if (anchor > 0) {
    const direct = [];
    for (const m of out.matchAll(/\n  let (trampoline(\d+)) = _trampoline\2\.manuallyAsync \?/g)) {
      if (m.index > anchor) { direct.length = 0; break; } // not the expected layout: skip this step
      if (out.includes(`\n  _trampoline${m[2]}._wasip2Sync = true;`)) {
        direct.push(`  if (!_trampoline${m[2]}.manuallyAsync) ${m[1]} = _trampoline${m[2]};`);
      }
    }
    if (direct.length) out = `${out.slice(0, anchor)}\n${direct.join('\n')}${out.slice(anchor)}`;
  }
  return { glue: out, trampolines: n };
}
