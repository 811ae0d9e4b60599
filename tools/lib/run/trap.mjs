// wasip2-run's trap report (loaded when a trap happens): what a wasm trap, a stack overflow or a host exception that ended
// the guest is called on stderr (`wasip2-run: trap: ...`), then exit status 134.
//
// Extension point (docs/host-notes.md, "Runner modules"):
//   addTrapReporter(fn)  fn(error, { modules, message }) -> string | string[] | undefined:
//                        extra lines printed after the trap line (e.g. a backtrace with
//                        function names from the name section); modules is [{ name, bytes }],
//                        the core modules as compiled (compile.mjs). A reporter that throws is
//                        skipped, with a note.
import { say, EXIT_TRAP } from './cli.mjs';
import { coreModules } from './compile.mjs';
import { printBacktrace } from '../backtrace.mjs';

// cli.mjs sets Error.stackTraceLimit to 2 * DEEP_STACK_FRAMES before the guest runs
const DEEP_STACK_FRAMES = 256;
const STACK_HINT = 'link with -Wl,-z,stack-size=N; the default is 1 MiB, or an eighth of a fixed --initial-memory';

const reporters = [];
export function addTrapReporter(fn) { reporters.push(fn); }

// the trap line's text
export function trapMessage(e) {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'stack overflow (wasm call stack exhausted)';
  // -pthread links check every stack-pointer store (../stack-check.mjs)
  if (e instanceof WebAssembly.RuntimeError && /__wasip2_stack_overflow/.test(String(e.stack))) {
    return 'stack overflow (C stack exhausted: a thread\'s stack (pthread_attr_setstacksize), or main\'s: '
      + 'link with -Wl,-z,stack-size=N; the default is 1 MiB)';
  }
  if (e instanceof WebAssembly.RuntimeError) {
    const msg = e.message.replace(/^wasm trap: /, '');
    if (!/out of bounds memory access|memory access out of bounds/.test(msg)) return msg;
    // The C stack sits at the bottom of memory (wasm-ld's default layout), so running off it
    // is an out-of-bounds access; a very deep wasm call stack at that point means recursion.
    const depth = (String(e.stack).match(/wasm-function\[|\.wasm:/g) || []).length;
    if (depth >= DEEP_STACK_FRAMES) return `stack overflow (C stack exhausted: ${msg}; ${STACK_HINT})`;
    return `${msg} (a bad pointer, or a C stack overflow: ${STACK_HINT})`;
  }
  if (e instanceof Error) return `host exception: ${e.name}: ${e.message}`;
  return `host exception: ${typeof e === 'string' ? e : JSON.stringify(e)}`;
}

// Reports the trap and ends the run through exit.finish (no leak check: the guest died
// holding its handles).
export function reportTrap(e, ex) {
  const message = trapMessage(e);
  // abort() (and a failed assert) records its status, then traps so the stack can be shown:
  // no trap line then (libc said why), and the status it recorded
  const aborted = abortStatus(e, ex);
  if (aborted === undefined) say(`trap: ${message}`);
  for (const fn of reporters) {
    let lines;
    try { lines = fn(e, { modules: coreModules(), message }); } catch (err) { say(`trap report: ${err?.message ?? err}`); continue; }
    for (const l of [lines ?? []].flat()) say(l);
  }
  printBacktrace(e, coreModules());
  if (process.env.WASIP2_TRAP_STACK) process.stderr.write(String(e.stack) + '\n');
  ex.finish(aborted ?? EXIT_TRAP, true);
}

// the status src/exit/trap_exit.c recorded before its deliberate trap, else undefined
function abortStatus(e, ex) {
  if (!(e instanceof WebAssembly.RuntimeError) || !/unreachable/.test(e.message)) return undefined;
  const s = ex.recordedStatus?.();
  if (typeof s !== 'number' || s === -2147483648) return undefined;
  return (s & 0xff) || 1;
}
