// Stack-overflow detection for -pthread links (run by tools/lib/threads.mjs before Asyncify).
//
// Thread stacks are malloc'd blocks in linear memory: with no guard page, a thread that
// recurses too deep silently overwrites the heap below its stack.  Binaryen's stack-check
// pass makes every store to __stack_pointer compare the new value with two globals it adds
// (base, limit) and call a handler when it is out of [limit, base].  Here:
//   - the handler is a function of the module itself, __wasip2_stack_overflow, whose body is
//     `unreachable`: the trap's stack names it, and wasip2-run reports a stack overflow;
//   - the globals start as the main stack's bounds (base: __stack_pointer's initial value,
//     limit 0: wasm-ld puts the stack first, and an overflow of it wraps below 0, above base);
//   - libc's __wasip2_stack_limits(base, limit) (src/thread/coop/stack.c), which the scheduler
//     calls before it switches __stack_pointer to another thread's stack, gets the body that
//     stores its arguments in the two globals;
//   - the pass's own exported setter is removed (a component exports only its world).
import { readFileSync, writeFileSync } from 'node:fs';

const HANDLER = '__wasip2_stack_overflow';
const SETTER = '__wasip2_stack_limits';

const globalNames = (b, m) => {
  const out = [];
  for (let i = 0; i < m.getNumGlobals(); i++) out.push(b.getGlobalInfo(m.getGlobalByIndex(i)).name);
  return out;
};

// Adds the check to the core module at `path` in place; returns false (module unchanged)
// when it has no scheduler to update the bounds.
export async function addStackCheck(path) {
  const { default: b } = await import('binaryen');
  const m = b.readBinary(readFileSync(path));
  try {
    if (!m.getFunction(SETTER) || !m.getGlobal('__stack_pointer')) return false;
    const before = new Set(globalNames(b, m));
    const spInit = b.getGlobalInfo(m.getGlobal('__stack_pointer')).init;
    const top = b.getExpressionInfo(spInit).value;
    b.setPassArgument('stack-check-handler', HANDLER);
    m.runPasses(['stack-check']);
    const [base, limit] = globalNames(b, m).filter((g) => !before.has(g));
    if (!base || !limit) throw new Error('stack-check added no globals');
    m.removeGlobal(base);
    m.removeGlobal(limit);
    m.addGlobal(base, b.i32, true, m.i32.const(top));
    m.addGlobal(limit, b.i32, true, m.i32.const(0));
    m.removeExport('__set_stack_limits');
    m.removeFunction('__set_stack_limits');
    m.removeFunction(HANDLER);  // the import the pass added
    // Widen the bounds before trapping: a handler that only traps would be folded into its
    // callers by wasm-opt -O2 (noinline or not), and the trap would no longer name it.
    m.addFunction(HANDLER, b.createType([b.i32]), b.none, [], m.block(null, [
      m.global.set(limit, m.i32.const(0)),
      m.global.set(base, m.i32.const(-1)),
      m.unreachable(),
    ]));
    m.removeFunction(SETTER);
    m.addFunction(SETTER, b.createType([b.i32, b.i32]), b.none, [], m.block(null, [
      m.global.set(base, m.local.get(0, b.i32)),
      m.global.set(limit, m.local.get(1, b.i32)),
    ]));
    b.setDebugInfo(true);  // keep the names: Asyncify's list and the trap message use them
    writeFileSync(path, m.emitBinary());
    return true;
  } finally {
    m.dispose();
  }
}
