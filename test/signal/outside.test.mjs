//! timeout: 300
// Signals from outside reach the guest (src/signal/external.c, tools/lib/signals.mjs):
// outside.c is run under wasip2-run --check-leaks with one scenario each; once it prints
// "ready" (and has had 200 ms to block), kill(2) sends the signal to the runner's process,
// and the exit status and output must be what Linux gives: the handler runs and the blocked
// call ends with EINTR (or restarts with SA_RESTART), SIG_IGN ignores, sigwait/sigsuspend
// see it, and with SIG_DFL the program dies of it (143 for SIGTERM, seen as the signal).
// outside_threads.c does the same with -pthread. Then Ctrl-C typed at a terminal (a pty made by python3's pty module) reaches a handler.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, HERE, ROOT, RUNNER, signalTemp } from './lib.mjs';

const tmp = signalTemp('outside');
const build = (src, out, extra = []) => {
  const cc = spawnSync(join(BIN, 'wasip2-cc'), [`-I${ROOT}/test/include`, '-O2', ...extra, join(HERE, src), '-o', out], { encoding: 'utf8' });
  if (cc.status !== 0) { console.log(`FAIL cannot build ${src}:\n${cc.stderr}`); process.exit(1); }
  return out;
};
const wasm = build('outside.c', join(tmp, 'outside.wasm'));
const wasmThreads = build('outside_threads.c', join(tmp, 'outside_threads.wasm'), ['-pthread']);

// Run one scenario: the signals are sent in order once "ready" is out; `line` goes to stdin
// after them. Resolves { code, signal, out }.
function scenario(name, signals, line, file = wasm) {
  return new Promise((done) => {
    const p = spawn(RUNNER, ['--check-leaks', file, name], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', sent = false;
    const timer = setTimeout(() => p.kill('SIGKILL'), 30000);
    p.stdout.on('data', async (d) => {
      out += d;
      if (sent || !out.includes('ready\n')) return;
      sent = true;
      for (const s of signals) { await new Promise((r) => setTimeout(r, 200)); p.kill(s); }
      if (line) { await new Promise((r) => setTimeout(r, 200)); p.stdin.write(line); }
    });
    p.stderr.on('data', (d) => { out += d; });
    p.on('exit', (code, signal) => { clearTimeout(timer); done({ code, signal, out }); });
  });
}

let failures = 0;
const check = (ok, what, r) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) { failures++; if (r) console.log(`     exit ${r.code} signal ${r.signal}\n${r.out.replace(/^/gm, '     | ')}`); }
};
const passed = (r) => r.code === 0 && /passed: 0 failed/.test(r.out);

const CASES = [
  ['accept', ['SIGTERM'], null, 'a server blocked in accept gets SIGTERM: its handler runs, accept fails with EINTR, it exits 0'],
  ['poll', ['SIGUSR1'], null, 'poll(60 s) is interrupted by a SIGUSR1 handler (EINTR)'],
  ['epoll', ['SIGHUP'], null, 'epoll_wait(-1) is interrupted by a SIGHUP handler (EINTR)'],
  ['select', ['SIGUSR2'], null, 'select(no timeout) is interrupted by a SIGUSR2 handler (EINTR)'],
  ['nanosleep', ['SIGINT'], null, 'nanosleep(60 s) is interrupted by a SIGINT handler, time left reported'],
  ['restart', ['SIGUSR1'], 'data\n', 'read(stdin) restarts after an SA_RESTART handler'],
  ['read-eintr', ['SIGUSR1'], null, 'read(stdin) fails with EINTR after a handler without SA_RESTART'],
  ['ignore', ['SIGHUP', 'SIGUSR1'], null, 'SIG_IGN: SIGHUP ignored, then SIGUSR1 ends pause()'],
  ['sigwait', ['SIGTERM'], null, 'sigwait returns a blocked SIGTERM'],
  ['sigtimedwait', ['SIGUSR1'], null, 'sigtimedwait(30 s) returns a blocked SIGUSR1 as it arrives'],
  ['sigsuspend', ['SIGINT'], null, 'sigsuspend returns after the SIGINT handler'],
];
for (const [name, sigs, line, what] of CASES) {
  const r = await scenario(name, sigs, line);
  check(passed(r), what, r);
}
// -pthread (outside_threads.c): signals reach threads parked in pthread waits
for (const [name, sig, what] of [
  ['thread-sigwait', 'SIGTERM', 'a sigwait thread gets a blocked SIGTERM while main is in pthread_join'],
  ['thread-accept', 'SIGTERM', "a worker blocked in accept gets EINTR from main's SIGTERM handler"],
  ['thread-cond', 'SIGUSR1', 'a handler interrupts sleep in main while a worker waits on a condition variable'],
]) {
  const r = await scenario(name, [sig], null, wasmThreads);
  check(passed(r), `-pthread: ${what}`, r);
}
for (const name of ['default', 'default-again']) {
  const r = await scenario(name, ['SIGTERM'], null);
  // the runner's process dies of the signal itself: a shell shows 143
  check(r.signal === 'SIGTERM' || r.code === 143, `${name}: SIG_DFL SIGTERM ends the program (status 143)`, r);
}
{
  const r = await scenario('busy', ['SIGTERM', 'SIGTERM'], null);
  check(r.signal === 'SIGTERM' || r.code === 143, 'a program computing without waits: a second SIGTERM still ends it (143)', r);
}
{
  const r = await scenario('unblock-default', ['SIGTERM'], null);
  check(r.code === 143 && /ok SIGTERM pending/.test(r.out), 'a blocked SIG_DFL SIGTERM stays pending; unblocked, it ends the program with 143', r);
}

// Ctrl-C at a terminal: the line discipline sends SIGINT to the foreground process group.
const py = spawnSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' });
if (py.status !== 0) {
  console.log('note: python3 not found, the terminal Ctrl-C case was not run');
} else {
  const script = `
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], sys.argv[2], 'nanosleep'])
buf = b''
end = time.time() + 30
sent = False
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            d = os.read(fd, 4096)
        except OSError:
            break
        if not d:
            break
        buf += d
    if not sent and b'ready' in buf:
        time.sleep(0.2)
        os.write(fd, b'\\x03')
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(buf.decode(errors='replace'))
sys.stdout.write('\\nstatus %d\\n' % os.waitstatus_to_exitcode(status))
`;
  const r = spawnSync('python3', ['-c', script, RUNNER, wasm], { encoding: 'utf8', timeout: 60000 });
  check(/ok nanosleep\(60 s\) ends with EINTR after the SIGINT handler/.test(r.stdout) && /status 0/.test(r.stdout),
    'Ctrl-C typed at a terminal (pty) runs the SIGINT handler', { code: r.status, signal: r.signal, out: r.stdout + r.stderr });
}
process.exit(failures ? 1 : 0);
