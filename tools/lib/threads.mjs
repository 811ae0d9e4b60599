// The -pthread link of wasm-component-ld (cooperative threads, src/thread/coop).
//
// clang -pthread compiles with atomics and bulk memory and links with --shared-memory.  We
// keep one wasm thread, so the memory must not stay shared (a component's memory cannot be),
// but linking the way wasm-ld does for shared memory is what gives user code real
// thread-locals: a mutable __tls_base, __wasm_init_tls and __tls_size, which the scheduler
// switches per thread.  So:
//   - link with --shared-memory and --no-check-features (libc.a is built without atomics;
//     its objects never touch the TLS machinery), a 4 GiB maximum when none is given
//     (wasm-ld otherwise fixes the maximum at the initial size), the scheduler archive
//     libpthread-coop.a ahead of libc.a (and libc++-coop.a ahead of libc++.a), and
//     __main_void wrapped so main runs under the scheduler;
//   - run binaryen's Asyncify over the core module: only functions that can reach the
//     scheduler's switch are instrumented (imports never unwind), found by our own call
//     graph whose indirect calls go only to table functions of the same signature
//     (switchingFunctions), and the scheduler's bottom frame is left out, since it
//     catches the unwinds;
//   - clear the memory's shared flag (atomic instructions stay valid on unshared memory).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pkgFile } from './paths.mjs';
import { addStackCheck } from './stack-check.mjs';

export const SCHED_BOTTOM = '__wrap___main_void';

// Linker arguments for a -pthread link; `ld` is the user's argument list.
export function threadLinkArgs(ld, hasMaxMemory) {
  const out = [];
  let placed = false;
  for (const a of ld) {
    // The scheduler goes first among the libraries, so its pthread objects win over
    // libc.a's single-threaded ones.
    if (!placed && (a === '-lpthread' || a === '-lc')) { out.push('-lpthread-coop'); placed = true; }
    // C++: std::thread, mutexes and condition variables (src/cxx/thread) come before
    // libc++.a, which was built without threads.
    if (a === '-lc++') out.push('-lc++-coop');
    // Asyncify finds the scheduler's bottom frame by name: the names stay until after it.
    if (a === '-s' || a === '--strip-all' || a === '-strip-all') continue;
    out.push(a);
  }
  if (!placed) out.push('-lpthread-coop');
  out.push('--no-check-features', `--wrap=__main_void`, '--wrap=_Exit');
  if (!hasMaxMemory) out.push('--max-memory=4294967296');
  return out;
}

export function stripRequested(ld) {
  return ld.some((a) => a === '-s' || a === '--strip-all' || a === '-strip-all');
}

// Which functions can reach a thread switch, by a call graph whose indirect calls are
// resolved by signature: a call_indirect of type T can only reach table functions of
// type T, so e.g. qsort's comparator call (int (*)(const void *, const void *)) is no
// switch point unless some address-taken function of that type can switch.  Binaryen on
// its own assumes every indirect call may switch, which instruments every function that
// makes one, and their callers.  Returns the list of names for asyncify-onlylist (the
// scheduler's bottom frame left out), or null when the module's text cannot be read.
export function switchingFunctions(wasmOpt, path) {
  const r = spawnSync(process.execPath, [wasmOpt, path, '--print'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 || !r.stdout) return null;
  const text = r.stdout;
  if (text.includes('$"')) return null;  // a name the text quotes: keep Binaryen's analysis
  // Signatures as "param types -> result types", from a header's (param ...) (result ...).
  const sig = (h) => {
    const ps = [], rs = [];
    for (const m of h.matchAll(/\((param|result)((?: \$[^\s)]+)?(?: [a-z0-9]+)+)\)/g)) {
      const types = m[2].trim().split(' ').filter((t) => !t.startsWith('$'));
      (m[1] === 'param' ? ps : rs).push(...types);
    }
    return `${ps.join(',')}->${rs.join(',')}`;
  };
  const sigOf = new Map();    // type name -> signature
  for (const m of text.matchAll(/^ \(type (\$\S+) \(func(.*)\)\)$/gm)) sigOf.set(m[1], sig(m[2]));
  const funcSig = new Map();  // function -> signature
  const seeds = new Set();    // the asyncify imports
  for (const m of text.matchAll(/^ \(import "([^"]*)" "[^"]*" \(func (\$\S+)(.*)$/gm)) {
    funcSig.set(m[2], sig(m[3]));
    if (m[1] === 'asyncify') seeds.add(m[2]);
  }
  const calls = new Map();     // function -> Set of direct callees
  const indirect = new Map();  // function -> Set of call_indirect signatures
  const bodies = text.split(/^ \(func /m).slice(1);
  for (const b of bodies) {
    const h = /^(\$\S+)(.*)$/m.exec(b);
    if (!h) return null;
    const t = /^ \(type (\$\S+)\)/.exec(h[2]);
    funcSig.set(h[1], t ? sigOf.get(t[1]) : sig(h[2]));
    const c = new Set(), ind = new Set();
    for (const m of b.matchAll(/\((?:return_)?call (\$[^\s)]+)/g)) c.add(m[1]);
    for (const m of b.matchAll(/\((?:return_)?call_indirect (?:\$\S+ )?\(type (\$[^\s)]+)\)/g)) {
      if (!sigOf.has(m[1])) return null;
      ind.add(sigOf.get(m[1]));
    }
    if (/\((?:return_)?call_ref/.test(b)) return null;  // not from C: stay with Binaryen's analysis
    calls.set(h[1], c);
    indirect.set(h[1], ind);
  }
  // Address-taken functions by signature (elem segments).
  const tableBySig = new Map();
  for (const m of text.matchAll(/^ \(elem [^\n]*$/gm)) {
    for (const f of m[0].matchAll(/\$[^\s)]+/g)) {
      if (!funcSig.has(f[0])) continue;
      const sig = funcSig.get(f[0]);
      if (!tableBySig.has(sig)) tableBySig.set(sig, new Set());
      tableBySig.get(sig).add(f[0]);
    }
  }
  if (!seeds.size) return [];
  // Never switch: the scheduler refuses every switch once the process is ending
  // (src/thread/coop/sched.c: __wrap__Exit, and main's return before crt1 calls
  // __wasip2_finish), so these and what only they reach need no instrumentation.
  // The bottom frame catches every unwind: its callers never see one.
  const never = new Set(['$_Exit', '$__wrap__Exit', '$__wasip2_finish', `$${SCHED_BOTTOM}`]);
  // Fixpoint: f switches if it calls a switching function directly, or indirectly
  // through a signature some switching table function has.
  const can = new Set(seeds);
  const sigCan = new Set();
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, c] of calls) {
      if (can.has(f) || never.has(f)) continue;
      let yes = false;
      for (const g of c) if (can.has(g)) { yes = true; break; }
      if (!yes) for (const s of indirect.get(f)) if (sigCan.has(s)) { yes = true; break; }
      if (yes) {
        can.add(f);
        changed = true;
        if (tableBySig.get(funcSig.get(f))?.has(f)) sigCan.add(funcSig.get(f));
      }
    }
  }
  return [...can].filter((f) => !seeds.has(f) && f !== `$${SCHED_BOTTOM}`).map((f) => f.slice(1));
}

// Asyncify the core module at `path` in place, then unshare its memory.
// A program that never creates a thread (pthread_create is not in the linked module, so
// nothing can make a second thread: the scheduler then never switches, its waits answer
// EDEADLK or sleep) needs neither Asyncify nor the stack check: the Asyncify imports become
// traps that are never reached, and the link costs what a plain one does.  Returns false
// when the module does create threads.
async function withoutThreads(path, strip) {
  const { default: b } = await import('binaryen');
  const m = b.readBinary(readFileSync(path));
  try {
    if (m.getFunction('pthread_create')) return false;
    for (let i = m.getNumFunctions() - 1; i >= 0; i--) {
      const f = b.getFunctionInfo(m.getFunctionByIndex(i));
      if (f.module !== 'asyncify') continue;
      m.removeFunction(f.name);
      m.addFunction(f.name, f.params, f.results, [], m.unreachable());
    }
    b.setDebugInfo(!strip);
    const bytes = Buffer.from(m.emitBinary());
    unshareMemory(bytes);
    writeFileSync(path, bytes);
    return true;
  } finally {
    m.dispose();
  }
}

export async function asyncify(path, strip) {
  // WASIP2_ASYNCIFY_ALWAYS=1: instrument even a program that creates no thread.
  if (!process.env.WASIP2_ASYNCIFY_ALWAYS && await withoutThreads(path, strip)) return;
  // Every thread's stack is bounds-checked (tools/lib/stack-check.mjs).
  const checked = process.env.WASIP2_STACK_CHECK !== '0' && await addStackCheck(path);
  const wasmOpt = pkgFile('binaryen', 'bin/wasm-opt');
  // WASIP2_ASYNCIFY_LIST=binaryen keeps Binaryen's own (coarser) analysis.
  const only = process.env.WASIP2_ASYNCIFY_LIST === 'binaryen' ? null : switchingFunctions(wasmOpt, path);
  // WASIP2_ASYNCIFY_SHOW=1: print which functions get instrumented.
  if (only && process.env.WASIP2_ASYNCIFY_SHOW) process.stderr.write(`asyncify: ${only.length} functions: ${only.join(' ')}\n`);
  let listFile = null;
  if (only) {
    listFile = join(mkdtempSync(join(tmpdir(), 'wasip2-asyncify-')), 'onlylist');
    writeFileSync(listFile, only.join('\n') + '\n');
  }
  // The overflow handler stays a function of its own, so a trap's stack names it.
  const args = [wasmOpt, path, ...(checked ? ['--no-inline=__wasip2_stack_overflow'] : []), '--asyncify',
    '--pass-arg=asyncify-ignore-imports',
    ...(only ? [`--pass-arg=asyncify-onlylist@@${listFile}`] : [`--pass-arg=asyncify-removelist@${SCHED_BOTTOM}`]),
    '-O2', ...(strip ? ['--strip-debug'] : ['-g']),
    // Extra wasm-opt arguments, e.g. --pass-arg=asyncify-ignore-indirect when no thread
    // ever waits below a call through a function pointer (faster, smaller).
    ...(process.env.WASIP2_ASYNCIFY_ARGS || '').split(/\s+/).filter(Boolean),
    '-o', path];
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (listFile) rmSync(dirname(listFile), { recursive: true, force: true });
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.error) throw new Error(`cannot run ${wasmOpt}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`wasm-opt --asyncify failed: ${r.stderr.trim()}`);
  const bytes = readFileSync(path);
  unshareMemory(bytes);
  // Debugging aid: keep a copy of the core module as it goes into the component.
  if (process.env.WASIP2_KEEP_CORE) writeFileSync(process.env.WASIP2_KEEP_CORE, bytes);
  writeFileSync(path, bytes);
}

function unshareMemory(b) {
  let p = 8;
  const leb = () => {
    let r = 0, s = 0, c;
    do { c = b[p++]; r |= (c & 0x7f) << s; s += 7; } while (c & 0x80);
    return r >>> 0;
  };
  while (p < b.length) {
    const id = b[p++];
    const size = leb();
    const next = p + size;
    if (id === 5) {
      const n = leb();
      // Flags byte of each memory's limits: bit 1 is "shared"; clearing it keeps the length.
      for (let i = 0; i < n; i++) {
        const flags = b[p];
        b[p++] = flags & ~2;
        leb();
        if (flags & 1) leb();
      }
    }
    p = next;
  }
}
