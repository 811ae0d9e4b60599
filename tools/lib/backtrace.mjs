// The wasm backtrace wasip2-run prints after a trap or an abort(), in wasmtime's form:
//
//   wasm backtrace:
//       0: 0x1d6d - divide
//                       at prog.c:5:12
//       1: 0x1d9a - main
//
// Frames come from V8's Error.stack, whose wasm frames read
// `wasm://wasm/<module>:wasm-function[N]:0xOFFSET` (function index, byte offset of the
// instruction in the module). The core module is found among the component's modules by that
// index and offset (the offset must fall inside function N's body); the name is the name
// section's (wasm-ld keeps it unless -s/--strip-all), and file:line comes from the module's
// DWARF (-g) through llvm-symbolizer (wasm DWARF addresses are offsets into the code section's
// contents). No symbolizer, or no DWARF: names only. WASIP2_BACKTRACE=0 prints nothing.
const { accessSync, constants, writeSync, writeFileSync, mkdtempSync, rmSync } = process.getBuiltinModule('node:fs');
const { spawnSync } = process.getBuiltinModule('node:child_process');
const { tmpdir } = process.getBuiltinModule('node:os');
const { join, delimiter } = process.getBuiltinModule('node:path');

const MAX_FRAMES = 1000;
const REPEATS_SHOWN = 3;

function leb(b, p) {
  let v = 0, shift = 0, byte;
  do { byte = b[p++]; if (shift < 35) v += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [v, p];
}

function str(b, p) {
  const [len, q] = leb(b, p);
  return [new TextDecoder().decode(b.subarray(q, q + len)), q + len];
}

// { imported, codeStart, bodies: [[start, end]] (defined functions), names: Map, dwarf }
export function moduleMap(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const m = { imported: 0, codeStart: -1, bodies: [], names: new Map(), dwarf: false };
  let p = 8;
  while (p < b.length) {
    const id = b[p];
    let size;
    [size, p] = leb(b, p + 1);
    const end = p + size;
    if (id === 2) importCount(b, p, m);
    else if (id === 10) codeBodies(b, p, m);
    else if (id === 0) {
      const [name, q] = str(b, p);
      if (name === 'name') functionNames(b, q, end, m.names);
      else if (name === '.debug_line') m.dwarf = true;
    }
    p = end;
  }
  return m;
}

function importCount(b, p, m) {
  let n;
  [n, p] = leb(b, p);
  for (; n > 0; n--) {
    [, p] = str(b, p); [, p] = str(b, p);
    const kind = b[p++];
    if (kind === 0) { m.imported++; [, p] = leb(b, p); }
    else if (kind === 1) { p = skipRefType(b, p); p = skipLimits(b, p); }
    else if (kind === 2) p = skipLimits(b, p);
    else if (kind === 3) { p = skipRefType(b, p); p++; }
    else if (kind === 4) { p++; [, p] = leb(b, p); }
    else return;
  }
}
function skipRefType(b, p) { const t = b[p++]; return t === 0x63 || t === 0x64 ? leb(b, p)[1] : p; }
function skipLimits(b, p) {
  const flags = b[p++];
  [, p] = leb(b, p);
  if (flags & 1) [, p] = leb(b, p);
  if (flags & 8) [, p] = leb(b, p);
  return p;
}

function codeBodies(b, p, m) {
  m.codeStart = p;
  let n;
  [n, p] = leb(b, p);
  for (; n > 0; n--) {
    let size;
    [size, p] = leb(b, p);
    m.bodies.push([p, p + size]);
    p += size;
  }
}

// subsection 1 of the name section: function index -> name
function functionNames(b, p, end, names) {
  while (p < end) {
    const id = b[p];
    let size;
    [size, p] = leb(b, p + 1);
    if (id === 1) {
      let q = p, n;
      [n, q] = leb(b, q);
      for (; n > 0; n--) {
        let idx, name;
        [idx, q] = leb(b, q);
        [name, q] = str(b, q);
        names.set(idx, name);
      }
    }
    p += size;
  }
}

// [{ index, offset, v8name }] of the wasm frames in an error's stack, innermost first
export function wasmFrames(stack) {
  const out = [];
  const re = /^\s*at (?:(.*?) \()?wasm:\/\/wasm\/([^:]*):wasm-function\[(\d+)\]:0x([0-9a-f]+)\)?$/gm;
  for (const m of String(stack ?? '').matchAll(re)) {
    out.push({ v8name: m[1] ?? null, script: m[2], index: Number(m[3]), offset: parseInt(m[4], 16) });
  }
  return out;
}

// the module a frame ran in: function index N is a defined function whose body holds the
// offset; V8's name, when it gave one, must agree with the name section
function findModule(frame, maps) {
  let best = null;
  for (const mm of maps) {
    const body = mm.map.bodies[frame.index - mm.map.imported];
    if (!body || frame.offset < body[0] || frame.offset >= body[1]) continue;
    const name = mm.map.names.get(frame.index);
    if (frame.v8name && name && !frame.v8name.includes(name) && !name.includes(frame.v8name)) continue;
    if (!best) best = mm;
  }
  return best;
}

function onPath(names) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    for (const n of names) {
      const p = join(dir, n);
      try { accessSync(p, constants.X_OK); return p; } catch { /* next */ }
    }
  }
  return null;
}

let symbolizer;
function symbolizerPath() {
  if (symbolizer === undefined) {
    symbolizer = process.env.WASIP2_SYMBOLIZER || onPath(['llvm-symbolizer-22', 'llvm-symbolizer']) || null;
  }
  return symbolizer;
}

// file:line:column (and inlined callers) of each code-section address, by llvm-symbolizer
function symbolize(bytes, addrs) {
  const tool = symbolizerPath();
  if (!tool || addrs.length === 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'wasip2-bt-'));
  try {
    const file = join(dir, 'core.wasm');
    writeFileSync(file, bytes);
    const r = spawnSync(tool, ['--obj', file, '--output-style=JSON', '--inlining', '--relativenames',
      ...addrs.map((a) => `0x${a.toString(16)}`)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) return null;
    // one JSON array for the addresses given on the command line
    const res = JSON.parse(r.stdout);
    return Array.isArray(res) ? res : null;
  } catch { return null;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

// The lines of the backtrace for an error, or [] when its stack has no wasm frame.
export function backtraceLines(e, modules) {
  const frames = wasmFrames(e?.stack).slice(0, MAX_FRAMES);
  if (frames.length === 0) return [];
  const maps = modules.map((m) => ({ bytes: m.bytes, map: moduleMap(m.bytes) }));
  const located = runtimeFramesDropped(frames.map((f) => ({ ...f, mod: findModule(f, maps) })));
  const lines = new Map(); // frame -> llvm-symbolizer Symbol entries, innermost (inlined) first
  for (const mm of maps) {
    if (!mm.map.dwarf) continue;
    const mine = located.filter((f) => f.mod === mm);
    const res = symbolize(mm.bytes, mine.map((f) => f.offset - mm.map.codeStart));
    if (!res) continue;
    mine.forEach((f, i) => lines.set(f, (res[i]?.Symbol ?? []).filter((s) => s.Line > 0)));
  }
  const out = ['wasm backtrace:'];
  let run = 0; // frames of one function in a row (a recursion): the first few, then a count
  located.forEach((f, i) => {
    run = i > 0 && located[i - 1].index === f.index && located[i - 1].mod === f.mod ? run + 1 : 0;
    if (run >= REPEATS_SHOWN) {
      const last = i + 1 === located.length || located[i + 1].index !== f.index || located[i + 1].mod !== f.mod;
      if (last) out.push(`       ... ${run - REPEATS_SHOWN + 1} more frames of the same function`);
      return;
    }
    const name = shownName(f);
    const head = `${String(i).padStart(5)}: 0x${f.offset.toString(16)} - `;
    const syms = lines.get(f) ?? [];
    if (syms.length <= 1) {
      out.push(head + name);
      if (syms[0]) out.push(`${' '.repeat(20)}at ${where(syms[0])}`);
      return;
    }
    // inlined frames: innermost first, each with its own line, as wasmtime shows them
    syms.forEach((s, j) => {
      const fn = MAIN_NAMES.has(s.FunctionName) ? 'main' : s.FunctionName;
      out.push(j === 0 ? head + (fn || name) : `${' '.repeat(head.length)}${fn}`);
      out.push(`${' '.repeat(20)}at ${where(s)}`);
    });
  });
  if (located.some((f) => f.mod && !f.mod.map.dwarf)) {
    out.push('note: no DWARF in the module: build with -g for file:line');
  } else if (maps.some((mm) => mm.map.dwarf) && !symbolizerPath()) {
    out.push('note: llvm-symbolizer-22 not found: no file:line');
  }
  return out;
}

const nameOf = (f) => f.mod?.map.names.get(f.index) ?? f.v8name ?? '';

// The frames of the way out are not the program's: the sanitizer runtime's (up to its
// __ubsan_handle_* entry) and libc's deliberate trap (__wasip2_trap_exit, under abort()).
function runtimeFramesDropped(frames) {
  const handler = frames.findIndex((f) => nameOf(f).startsWith('__ubsan_handle_'));
  if (handler >= 0 && handler + 1 < frames.length) return frames.slice(handler + 1);
  return nameOf(frames[0]) === '__wasip2_trap_exit' && frames.length > 1 ? frames.slice(1) : frames;
}

// what the compiler calls main (main(void) and main(argc, argv) are renamed)
const MAIN_NAMES = new Set(['__original_main', '__main_argc_argv']);
function shownName(f) {
  const n = nameOf(f) || `<wasm function ${f.index}>`;
  return MAIN_NAMES.has(n) ? 'main' : n;
}

function where(s) {
  return `${s.FileName}:${s.Line}${s.Column ? `:${s.Column}` : ''}`;
}

export function backtraceEnabled() { return process.env.WASIP2_BACKTRACE !== '0'; }

// prints the backtrace on stderr (no `wasip2-run:` prefix: the form people know from wasmtime)
export function printBacktrace(e, modules) {
  if (!backtraceEnabled()) return;
  const lines = backtraceLines(e, modules);
  if (lines.length) writeSync(2, lines.join('\n') + '\n');
}
