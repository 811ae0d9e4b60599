// wasip2-run's voice: its messages on stderr, its own exit statuses, and the start-up timing
// marks (WASIP2_RUN_TIMING=1: milliseconds since the process started at each step, and the CPU
// time used so far, all threads: on a busy machine the steadier figure).
const { writeSync } = process.getBuiltinModule('node:fs');

export const EXIT_RUNNER_ERROR = 2;
export const EXIT_LEAKS = 3;
export const EXIT_TRAP = 134;

export function say(msg) { writeSync(2, `wasip2-run: ${msg}\n`); }
export function die(msg, code = EXIT_RUNNER_ERROR) { say(msg); process.exit(code); }

export const mark = process.env.WASIP2_RUN_TIMING === '1' ? (what) => {
  const c = process.cpuUsage();
  writeSync(2, `wasip2-run: timing ${performance.now().toFixed(1)} ms (cpu ${((c.user + c.system) / 1000).toFixed(1)} ms) ${what}\n`);
} : () => {};
