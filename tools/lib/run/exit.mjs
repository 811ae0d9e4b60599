// wasip2-run's exit step: the one way out once the guest runs. It writes the code cache and
// --count-calls, checks for leaked handles (--check-leaks), and exits with the guest's status.
import { say, EXIT_LEAKS } from './cli.mjs';

const { writeFileSync } = process.getBuiltinModule('node:fs');
const TABLES_KEY = Symbol.for('wasip2-run.handle-tables');

// The exit state of one run: exit.finish(code, trapped) never returns. trapped: the guest died
// mid-flight, its handles were never released: no leak report then.
export function makeExit(o, meta) {
  const ex = {
    counts: o.countCalls ? Object.create(null) : null,
    // the code cache is written at the end of the first run: it then holds every glue
    // function that run compiled (the host calls' trampolines included), not just start-up's
    saveGlueCache: () => {},
    // WASI 0.2.0 tells the host only ok/err; a component linked with our libc also records the
    // C exit status and exports __wasip2_exit_status from its core module (outside the WIT
    // world, so the glue does not know it). Called directly on the core instance, and only
    // once the guest has ended with err: a failure to read it just means "nothing recorded".
    statusFn: null,
    recordedStatus() {
      try { return ex.statusFn ? ex.statusFn() : undefined; } catch { return undefined; }
    },
    finished: false,
    finish(code, trapped = false) {
      if (ex.finished) process.exit(code);
      ex.finished = true;
      ex.saveGlueCache();
      if (ex.counts) writeCounts(o.countCalls, ex.counts);
      if (o.checkLeaks && !trapped && leaksReported(meta)) code = EXIT_LEAKS;
      process.exit(code);
    },
  };
  return ex;
}

function writeCounts(file, counts) {
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  try { writeFileSync(file, JSON.stringify(sorted, null, 1) + '\n'); } catch (e) { say(`--count-calls: ${e.message}`); }
}

function leaksReported(meta) {
  const leaks = liveHandles(meta);
  if (leaks.total === 0) return false;
  say(`${leaks.total} live handles at exit: ${leaks.list.map(([t, n]) => `${t} x${n}`).join(', ')}`);
  return true;
}

// Own handles still in the glue's handle tables. A table is [freeHead, 0, scope0, rep0, ...]:
// slot 2h is the scope (or, with T_FLAG, a free-list link), slot 2h+1 is rep | T_FLAG for own.
function liveHandles(meta) {
  const T_FLAG = 1 << 30;
  const tables = globalThis[TABLES_KEY];
  const byType = new Map();
  let total = 0;
  if (!tables && meta.tablesExposed) return { total, list: [] };
  if (!tables) {
    say('--check-leaks: handle tables not available for this component');
    return { total, list: [] };
  }
  tables.forEach((table, idx) => {
    if (!Array.isArray(table)) return;
    for (let h = 1; 2 * h + 1 < table.length; h++) {
      const scope = table[2 * h], val = table[2 * h + 1];
      if (val === 0 || val === undefined || (scope & T_FLAG) !== 0) continue;
      if ((val & T_FLAG) === 0) continue; // a borrow
      const name = meta.tableNames[idx] ?? `resource-table-${idx}`;
      byType.set(name, (byType.get(name) ?? 0) + 1);
      total++;
    }
  });
  return { total, list: [...byType].sort((a, b) => b[1] - a[1]) };
}
