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

  // Every own handle's rep is added to its table's _createdReps, a Set nothing reads in this
  // glue and nothing removes from: it grows by one entry per open or accept for the whole run.
  const made = (out.match(/\b_createdReps\b/g) || []).length;
  const inits = (out.match(/\._createdReps = new Set\(\);/g) || []).length;
  if (made === inits + 1 && out.includes('    table._createdReps.add(rep);\n')) {
    out = out.replace('    table._createdReps.add(rep);\n', '');
  }

  let n = 0, lowered = 0;
  out = out.replace(/const (_trampoline\d+) = function\(([^)]*)\) \{([\s\S]*?)\n  \1\.fnName = ('[^']*');/g, (whole, name, params, body, fnName) => {
    const setup = /\n\s*let parentTask;\s*let task;\s*let subtask;[\s\S]*?const started = task\.enterSync\(\);/;
    const m = body.match(setup);
    if (!m || !/const hostProvided = true;/.test(body)) return whole;
    if ((body.match(/_withGlobalCurrentTaskMeta\(\{/g) || []).length !== 1) return whole;
    const after = body.slice(body.indexOf(m[0]) + m[0].length);
    if (/\bsubtask\b|\bparentTask\b|\bstarted\b/.test(after)) return whole; // uses what we drop
    n++;
    const nb = body.replace(m[0], '\n    const task = _wasip2SyncTask;').replace('_withGlobalCurrentTaskMeta({', '_wasip2Direct({');
    const raw = rawLowering(name, params, body, fnName);
    if (raw) lowered++;
    return `${raw ? raw.before : ''}const ${name} = function(${params}) {${raw ? raw.enter : ''}${nb}\n  ${name}.fnName = ${fnName};\n  ${name}._wasip2Sync = true;`;
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
  return { glue: out, trampolines: n, lowered };
}

// Core-ABI lowerings of the hot descriptor calls: when the host's resource class offers
// `_wasip2Raw.<method>` (tools/lib/native-host.mjs), the trampoline first hands it the core
// wasm arguments (handle, flag bits, pointer and length of the path, return area) and is done
// when it says so; else, and always with another host, the glue's own lowering and lifting
// runs as before. The handle is looked up as the glue does; a new descriptor gets its handle
// from the glue's own table (rscTableCreateOwn), so --check-leaks and drops see it as any other.
const RAW_CALLS = {
  // method: [core parameter count, kind]
  statAt: [5, 'done'], metadataHashAt: [5, 'done'], stat: [2, 'done'], metadataHash: [2, 'done'],
  openAt: [7, 'own'], read: [4, 'list'],
};
function rawLowering(name, params, body, fnName) {
  const fm = /^'wasi:filesystem\/types@0\.2\.\d+#(\w+)'$/.exec(fnName);
  if (!fm || !Object.hasOwn(RAW_CALLS, fm[1])) return null;
  const [count, kind] = RAW_CALLS[fm[1]];
  const args = params.split(',').map((x) => x.trim());
  if (args.length !== count || !args.every((a, i) => a === `arg${i}`)) return null;
  const look = /var rep\d+ = (handleTable\d+)\[\(handle\d+ << 1\) \+ 1\] & ~T_FLAG;\s*var rsc\d+ = (captureTable\d+)\.get\(rep\d+\);\s*if \(!rsc\d+\) \{\s*rsc\d+ = Object\.create\(([A-Za-z_$][\w$]*)\.prototype\);/.exec(body);
  const mem = /\b(memory\d+)\b/.exec(body);
  if (!look || !mem || !/^\s*var handle\d+ = arg0;/.test(body)) return null;
  const [, ht, ct, cls] = look;
  const M = mem[1];
  const fn = `_wasip2Raw_${name}`;
  const before = `const ${fn} = ${cls}._wasip2Raw?.${fm[1]};\n  `;
  const d = `const _d = ${ct}.get(${ht}[(arg0 << 1) + 1] & ~T_FLAG);`;
  const rest = args.slice(1).join(', ');
  let enter;
  if (kind === 'done') {
    enter = `\n    if (${fn} !== undefined) { ${d} if (_d !== undefined && ${fn}(_d, ${M}, ${rest})) return; }`;
  } else if (kind === 'own') {
    const cnt = /\+\+(captureCnt\d+)/.exec(body);
    if (!cnt || !body.includes(`rscTableCreateOwn(${ht}, rep)`)) return null;
    const ret = args[args.length - 1];
    enter = `\n    if (${fn} !== undefined) { ${d} if (_d !== undefined) { const _r = ${fn}(_d, ${M}, ${rest}); if (_r !== false) {`
      + ` if (_r !== true) { const _rep = ++${cnt[1]}; ${ct}.set(_rep, _r); const _h = rscTableCreateOwn(${ht}, _rep);`
      + ` const _v = dataView(${M}); _v.setInt8(${ret}, 0); _v.setInt32(${ret} + 4, _h, true); } return; } } }`;
  } else {
    const re = /\b(realloc\d+)\(0, 0, 1, len\d+ \* 1\)/.exec(body);
    if (!re) return null;
    const bytes = `_wasip2RawBytes_${name}`;
    enter = `\n    if (${fn} !== undefined) { ${d} if (_d !== undefined) { const _n = ${fn}(_d, arg1, arg2, ${M}, arg3);`
      + ` if (_n >= 0) { const _p = ${re[1]}(0, 0, 1, _n); new Uint8Array(${M}.buffer, _p, _n).set(${bytes}(_n));`
      + ` const _v = dataView(${M}); _v.setInt8(arg3, 0); _v.setUint32(arg3 + 4, _p, true); _v.setUint32(arg3 + 8, _n, true);`
      + ` _v.setInt8(arg3 + 12, _n === 0 && arg1 !== 0n ? 1 : 0); return; } if (_n === -1) return; } }`;
    return { before: `${before}const ${bytes} = ${cls}._wasip2Raw?.bytes;\n  `, enter };
  }
  return { before, enter };
}
