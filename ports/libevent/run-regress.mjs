// Runs libevent's regress program group by group with --no-fork and records each test's
// outcome, for ports/libevent.sh.  In --no-fork mode a test that crashes or hangs takes the
// whole process with it (and some leave global state behind), so a group is re-run from the
// test after the one that ended the process; a process silent for IDLE seconds is a hang.
//
//   node run-regress.mjs OUT.json [--skip NAME=REASON]... -- CMD [ARGS...]
//
// OUT.json: { tests: { "group/name": "ok"|"fail"|"skip"|"hang"|"crash"|"excluded" }, reasons }
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const IDLE_S = Number(process.env.REGRESS_IDLE_S || 30);
const argv = process.argv.slice(2);
const out = argv.shift();
const skips = new Map();
while (argv[0] !== '--') {
  const [name, ...why] = argv.shift().replace(/^--skip=?/, '').split('=');
  if (name) skips.set(name, why.join('='));
  if (!argv.length) throw new Error('missing -- CMD');
}
argv.shift();
const [cmd, ...pre] = argv;

// Every test the binary knows, in its order; off-by-default ones are not run (as upstream).
function listTests() {
  const r = spawnSync(cmd, [...pre, '--list-tests'], { encoding: 'utf8' });
  return (r.stdout || '').split('\n').map((l) => l.match(/^ {4}(\S+)(.*)$/)).filter(Boolean)
    .filter((m) => !/Off by default/.test(m[2])).map((m) => m[1]);
}

// One process over `names`; resolves { status: Map(name -> outcome), last, ended }.
function runOnce(names) {
  return new Promise((resolve) => {
    const status = new Map();
    let buf = '', last = null, timedOut = false;
    const p = spawn(cmd, [...pre, '--no-fork', ...names], { stdio: ['ignore', 'pipe', 'pipe'] });
    let timer;
    const arm = () => { clearTimeout(timer); timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, IDLE_S * 1000); };
    const feed = (chunk) => {
      arm();
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const m = line.match(/^(\S+\/\S+): ?(OK|SKIPPED)?/);
        if (m && names.includes(m[1])) {
          last = m[1];
          if (m[2]) status.set(m[1], m[2] === 'OK' ? 'ok' : 'skip');
        }
        const f = line.match(/^\s*\[(\S+) FAILED\]/);
        if (f && last && last.endsWith('/' + f[1])) status.set(last, 'fail');
      }
    };
    p.stdout.on('data', feed);
    p.stderr.on('data', () => arm());
    arm();
    p.on('close', (code) => {
      clearTimeout(timer);
      feed('\n');
      resolve({ status, last, ended: timedOut ? 'hang' : (code === 0 || code === 1) && status.size === names.length ? null : 'crash' });
    });
  });
}

const tests = {};
const all = listTests();
if (!all.length) { console.error('run-regress: no tests listed'); process.exit(1); }
const groups = new Map();
for (const t of all) {
  if (skips.has(t)) { tests[t] = 'excluded'; continue; }
  const g = t.split('/')[0];
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(t);
}
for (const [g, names] of groups) {
  let left = names;
  while (left.length) {
    const r = await runOnce(left);
    for (const [n, s] of r.status) tests[n] = s;
    if (!r.ended) break;
    // the test that was running when the process died or went silent
    const at = r.last && !r.status.has(r.last) ? left.indexOf(r.last) : left.findIndex((n) => !r.status.has(n));
    if (at < 0) break;
    tests[left[at]] = r.ended;
    left = left.slice(at + 1).filter((n) => !r.status.has(n));
  }
  const c = names.map((n) => tests[n]);
  console.log(`${g}: ${c.filter((s) => s === 'ok').length} ok, ${c.filter((s) => s === 'fail').length} fail, ` +
    `${c.filter((s) => s === 'skip').length} skip, ${c.filter((s) => s === 'hang' || s === 'crash').length} hang/crash`);
}
fs.writeFileSync(out, JSON.stringify({ tests, reasons: Object.fromEntries(skips) }, null, 1));
