// wasip2-run's command line (the flags are described at the top of tools/wasip2-run) and its
// voice: messages on stderr, its own exit statuses, and the start-up timing marks
// (WASIP2_RUN_TIMING=1: milliseconds since the process started at each step, and the CPU time
// used so far, all threads: on a busy machine the steadier figure).
const { writeSync } = process.getBuiltinModule('node:fs');

export const EXIT_RUNNER_ERROR = 2;
export const EXIT_LEAKS = 3;
export const EXIT_TRAP = 134;

// enough frames for the trap report (trap.mjs) to recognise a runaway recursion
Error.stackTraceLimit = 512;

export function say(msg) { writeSync(2, `wasip2-run: ${msg}\n`); }
export function die(msg, code = EXIT_RUNNER_ERROR) { say(msg); process.exit(code); }

export const mark = process.env.WASIP2_RUN_TIMING === '1' ? (what) => {
  const c = process.cpuUsage();
  writeSync(2, `wasip2-run: timing ${performance.now().toFixed(1)} ms (cpu ${((c.user + c.system) / 1000).toFixed(1)} ms) ${what}\n`);
} : () => {};

const { resolve } = process.getBuiltinModule('node:path');

export const USAGE = 'usage: wasip2-run [--dir HOST[::GUEST]] [--env K=V] [--inherit-env] [--deny-network] '
  + '[--count-calls FILE] [--check-leaks] [--host=native|shim] [--] app.wasm [args...]';

function dirFlag(v) {
  const sep = v.indexOf('::');
  const host = sep >= 0 ? v.slice(0, sep) : v;
  const guest = sep >= 0 ? v.slice(sep + 2) : v;
  if (!host || !guest) die(`bad --dir '${v}'`);
  return [guest, host];
}

function envFlag(v) {
  const k = v.indexOf('=');
  if (k <= 0) die(`bad --env '${v}' (want K=V)`);
  return [v.slice(0, k), v.slice(k + 1)];
}

function hostFlag(v) {
  if (!['native', 'shim', 'auto'].includes(v)) die(`bad --host '${v}' (want native or shim)`);
  return v;
}

// one flag (with its value: value() takes it); false when it is not a flag wasip2-run knows
function apply(o, flag, value) {
  switch (flag) {
    case '--dir': o.dirs.push(dirFlag(value())); break;
    case '--env': o.env.push(envFlag(value())); break;
    case '--inherit-env': o.inheritEnv = true; break;
    case '--deny-network': o.denyNetwork = true; break;
    case '--count-calls': o.countCalls = resolve(value()); break;
    case '--check-leaks': o.checkLeaks = true; break;
    case '--host': o.host = hostFlag(value()); break;
    case '--help': process.stdout.write(USAGE + '\n'); process.exit(0); break;
    default: return false;
  }
  return true;
}

// { dirs: [[guest, host]], env: [[k, v]], inheritEnv, denyNetwork, countCalls, checkLeaks,
//   host, app, args }
export function parseArgs(argv) {
  const o = { dirs: [], env: [], inheritEnv: false, denyNetwork: false, countCalls: null, checkLeaks: false, host: process.env.WASIP2_RUN_HOST || 'auto' };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('--') || a === '-') break;
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) die(`${flag} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (!apply(o, flag, value)) die(`unknown flag ${a}\n${USAGE}`);
  }
  if (i >= argv.length) die(USAGE);
  o.app = argv[i];
  o.args = argv.slice(i + 1);
  return o;
}
