// A faster path through jco-transpile's generated glue for synchronous host imports.
//
// The glue (jco-transpile 0.15) wraps every call of an imported function in its component-
// model-async machinery: per call it creates a task, a subtask with a waitable and a promise,
// formats strings for them, and reads process.env.JCO_DEBUG for each of a dozen debug log
// lines. For a sync-lowered sync import (all of WASI 0.2), none of that does anything, and it
// cost 50-140 us per host call here, far more than the system call behind it. fastGlue()
// rewrites the glue text, in named steps:
//   debug-log        _debugLog reads JCO_DEBUG once, when the glue loads, instead of per line;
//   lower-import     _lowerImportBackwardsCompat calls marked trampolines at once, without the
//                    subtask;
//   data-view        the memory's DataView is checked without reading Memory#buffer;
//   utf8-decode      short ASCII strings from the guest are decoded in JS;
//   created-reps     the never-read _createdReps set no longer grows per handle;
//   trampolines      each import trampoline whose task set-up has the expected shape gets a
//                    stand-in task (its resolve/exit do nothing), runs the host function
//                    directly and is marked; the core-ABI lowerings (below) go in here;
//   direct           the core instance imports marked trampolines directly (no bound
//                    wrapper). That also skips the glue's may-leave check, which only catches a
//                    guest calling an import from inside cabi_realloc or a post-return
//                    function: no WASI host function calls back into the guest.
// Nothing fails silently: the result says which steps applied and which did not, and
// rewriteProblems() turns the misses into messages (the runner prints them; test/tools/
// glue_fast.test.mjs checks every step against the pinned jco's real output). When one of the
// two required steps (debug-log, lower-import) does not match, the glue is returned as jco
// made it (correct, only slower): the other steps are only safe together with them.

// A step: present(glue) says the glue has what it rewrites (a component without string
// arguments has no string decoding to speed up, one without imports no trampolines at all),
// apply(glue) returns the new text or null when what is there does not have the expected
// shape. cost: what a miss means.
const hasTrampolines = (t) => /const _trampoline\d+ = function\(/.test(t);
const STEPS = [
  {
    name: 'debug-log', required: true, present: hasTrampolines, cost: 'every host call reads JCO_DEBUG a dozen times',
    apply(t) {
      const dbg = /const _debugLog = \(\.\.\.args\) => \{\s*if \(!globalThis\?\.process\?\.env\?\.JCO_DEBUG\) \{ return; \}\s*console\.debug\(\.\.\.args\);\s*\};/;
      if (!dbg.test(t)) return null;
      return t.replace(dbg, 'const _debugLog = globalThis?.process?.env?.JCO_DEBUG ? (...args) => console.debug(...args) : () => {};\n'
        + '  const _wasip2SyncTask = { componentIdx: () => 0, id: () => 0, resolve() {}, exit() {} };\n'
        + '  const _wasip2Direct = (a) => a.fn();');
    },
  },
  {
    name: 'lower-import', required: true, present: hasTrampolines, cost: 'every host call runs the async task machinery',
    apply(t) {
      const lower = /function _lowerImportBackwardsCompat\(args\) \{\s*const params = \[\.\.\.arguments\]\.slice\(1\);/;
      if (!lower.test(t)) return null;
      return t.replace(lower, 'function _lowerImportBackwardsCompat(args, ...params) {\n'
        + '    if (args.importFn._wasip2Sync && !args.isAsync && !args.isManualAsync && !args.funcTypeIsAsync) {\n'
        + '      _checkMayLeave(args.componentIdx);\n'
        + '      return args.importFn(...params);\n'
        + '    }');
    },
  },
  {
    // dataView(memory) runs for every field a trampoline writes, and its check reads
    // WebAssembly.Memory#buffer (a call into the engine) each time: about 3 us per stat-at.
    // A grown memory detaches the old buffer (its byteLength becomes 0), which is the cheap
    // check; the memory object is compared too, for components with several memories.
    name: 'data-view', present: (t) => /\bconst dataView = /.test(t), cost: 'each field written reads Memory#buffer',
    apply(t) {
      const dvOld = 'const dataView = mem => dv.buffer === mem.buffer ? dv : dv = new DataView(mem.buffer);';
      if (!t.includes(dvOld)) return null;
      return t.replace(dvOld, 'let dvMem = null;\n  const dataView = mem => (dvMem === mem && dv.buffer.byteLength !== 0) ? dv : (dvMem = mem, dv = new DataView(mem.buffer));');
    },
  },
  {
    // Strings from the guest (paths, mostly) are decoded with TextDecoder, whose fixed cost
    // (a call into the runtime) is larger than decoding a short ASCII path in JS.
    name: 'utf8-decode', present: (t) => /TEXT_DECODER_UTF8\.decode\(new Uint8Array\(memory/.test(t), cost: 'each path is decoded by TextDecoder',
    apply(t) {
      const dec = /TEXT_DECODER_UTF8\.decode\(new Uint8Array\((memory\d+)\.buffer, (ptr\d+), (len\d+)\)\)/g;
      if (!/const TEXT_DECODER_UTF8 = new TextDecoder\(\);/.test(t) || !t.includes('const _wasip2Direct = (a) => a.fn();')) return null;
      const out = t.replace(dec, '_wasip2Utf8($1, $2, $3)').replace('const _wasip2Direct = (a) => a.fn();',
        'const _wasip2Direct = (a) => a.fn();\n'
        + '  const _wasip2Utf8 = (mem, ptr, len) => {\n'
        + '    const b = new Uint8Array(mem.buffer, ptr, len);\n'
        + '    if (len > 64) return TEXT_DECODER_UTF8.decode(b);\n'
        + '    let s = \'\';\n'
        + '    for (let i = 0; i < len; i++) { const c = b[i]; if (c >= 0x80) return TEXT_DECODER_UTF8.decode(b); s += String.fromCharCode(c); }\n'
        + '    return s;\n'
        + '  };');
      return /TEXT_DECODER_UTF8\.decode\(new Uint8Array\(memory/.test(out) ? null : out; // every one, or none
    },
  },
  {
    // Every own handle's rep is added to its table's _createdReps, a Set nothing reads in this
    // glue and nothing removes from: it grows by one entry per open or accept for the whole run.
    name: 'created-reps', present: (t) => /_createdReps\.add\(/.test(t), cost: 'a set grows by one entry per handle for the whole run',
    apply(t) {
      const made = (t.match(/\b_createdReps\b/g) || []).length;
      const inits = (t.match(/\._createdReps = new Set\(\);/g) || []).length;
      const add = /\n[ \t]*table\._createdReps\.add\(rep\);(?=\n)/;
      if (made !== inits + 1 || !add.test(t)) return null;
      return t.replace(add, '');
    },
  },
];

// The trampolines step. Counts the host-provided trampolines (eligible) and those rewritten,
// and which core-ABI lowerings did not apply (rawMissed).
function rewriteTrampolines(t, r) {
  r.seen = (t.match(/const _trampoline\d+ = function\(/g) || []).length;
  // (any indentation: the glue nests them deeper in some layouts)
  return t.replace(/const (_trampoline\d+) = function\(([^)]*)\) \{([\s\S]*?)\n([ \t]*)\1\.fnName = ('[^']*');/g, (whole, name, params, body, ind, fnName) => {
    r.parsed++;
    if (!/const hostProvided = true;/.test(body)) return whole;
    r.eligible++;
    const setup = /\n\s*let parentTask;\s*let task;\s*let subtask;[\s\S]*?const started = task\.enterSync\(\);/;
    const m = body.match(setup);
    if (!m || (body.match(/_withGlobalCurrentTaskMeta\(\{/g) || []).length !== 1) return whole;
    const after = body.slice(body.indexOf(m[0]) + m[0].length);
    if (/\bsubtask\b|\bparentTask\b|\bstarted\b/.test(after)) return whole; // uses what we drop
    r.trampolines++;
    const nb = body.replace(m[0], '\n    const task = _wasip2SyncTask;').replace('_withGlobalCurrentTaskMeta({', '_wasip2Direct({');
    const raw = rawLowering(name, params, body, fnName);
    if (raw) r.lowered++;
    else if (raw === null && rawMethod(fnName)) r.rawMissed.push(rawMethod(fnName));
    return `${raw ? raw.before : ''}const ${name} = function(${params}) {${raw ? raw.enter : ''}${nb}\n${ind}${name}.fnName = ${fnName};\n${ind}${name}._wasip2Sync = true;`;
  });
}

// Hand marked trampolines to the core instance directly instead of through the bound
// _lowerImportBackwardsCompat (its rest-argument spread and checks cost a few us per call):
// reassign each `trampolineN` just before the core modules are instantiated.
function directTrampolines(t, r) {
  const at = /\n([ \t]*)Promise\.all\(\[module0/.exec(t);
  if (!at) return t;
  const anchor = at.index, ind = at[1];
  const direct = [];
  for (const m of t.matchAll(/\n[ \t]*let (trampoline(\d+)) = _trampoline\2\.manuallyAsync \?/g)) {
    if (m.index > anchor) return t; // not the expected layout: skip this step
    if (new RegExp(`\\n[ \\t]*_trampoline${m[2]}\\._wasip2Sync = true;`).test(t)) {
      direct.push(`${ind}if (!_trampoline${m[2]}.manuallyAsync) ${m[1]} = _trampoline${m[2]};`);
    }
  }
  r.direct = direct.length;
  return direct.length ? `${t.slice(0, anchor)}\n${direct.join('\n')}${t.slice(anchor)}` : t;
}

// { glue, applied: [step], missed: [step], fellBack, seen, parsed, eligible, trampolines,
//   direct, lowered, rawMissed: [method] }
export function fastGlue(glue) {
  const r = { applied: [], missed: [], fellBack: false, seen: 0, parsed: 0, eligible: 0, trampolines: 0, direct: 0, lowered: 0, rawMissed: [] };
  let out = glue;
  for (const step of STEPS) {
    if (!step.present(out)) continue;
    const next = step.apply(out);
    if (next === null) {
      r.missed.push(step.name);
      if (step.required) return { ...r, glue, fellBack: true };
      continue;
    }
    out = next;
    r.applied.push(step.name);
  }
  out = rewriteTrampolines(out, r);
  out = directTrampolines(out, r);
  return { ...r, glue: out };
}

// One message per rewrite that did not apply (empty: all did).
export function rewriteProblems(r) {
  const cost = Object.fromEntries(STEPS.map((s) => [s.name, s.cost]));
  const out = r.missed.map((n) => `rewrite '${n}' does not match (${cost[n]})`);
  if (r.fellBack) return [...out, 'running the glue as jco-transpile made it: every host call is slower'];
  if (r.parsed !== r.seen) out.push(`rewrite 'trampolines': ${r.seen - r.parsed} of ${r.seen} trampolines not recognised`);
  if (r.trampolines !== r.eligible) out.push(`rewrite 'trampolines': ${r.eligible - r.trampolines} of ${r.eligible} host imports keep the async task machinery`);
  if (r.direct !== r.trampolines) out.push(`rewrite 'direct': ${r.trampolines - r.direct} of ${r.trampolines} trampolines still called through the bound wrapper`);
  for (const m of r.rawMissed) out.push(`core-ABI lowering of descriptor.${m} does not match: it takes the glue's own lowering`);
  return out;
}

// the descriptor method a trampoline serves, when it is one with a core-ABI lowering
const rawMethod = (fnName) => {
  const fm = /^'wasi:filesystem\/types@0\.2\.\d+#(\w+)'$/.exec(fnName);
  return fm && Object.hasOwn(RAW_CALLS, fm[1]) ? fm[1] : null;
};

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
