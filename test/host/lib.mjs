// Helpers for test/host/*.test.mjs (not a test itself): run one driver.mjs scenario in a child
// process, in `bare` (unmodified preview2-shim), `shim` (the runner's fallback) and `fixed` (the
// runner's default, native host) modes, with an
// optional native Node peer in this process (free to serve while the child blocks).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DRIVER = join(dirname(fileURLToPath(import.meta.url)), 'driver.mjs');

export function runScenario(scenario, mode, { peer, timeoutMs = 15000, dir, onLine } = {}) {
  return new Promise((resolve) => {
    const server = peer ? net.createServer({ allowHalfOpen: true }, peer) : null;
    const start = () => {
      const port = server ? server.address().port : 0;
      const ch = spawn(process.execPath, [DRIVER, scenario, mode, String(port), ...(dir ? [dir] : [])], { stdio: ['pipe', 'pipe', 'pipe'] });
      let outText = '', errText = '';
      const timer = setTimeout(() => ch.kill('SIGKILL'), timeoutMs);
      ch.stdout.on('data', (d) => {
        outText += d;
        const lines = outText.split('\n');
        if (onLine && lines.length > 1) for (const l of lines.slice(0, -1)) onLine(l, ch);
      });
      ch.stderr.on('data', (d) => { errText += d; });
      ch.on('exit', (code, signal) => {
        clearTimeout(timer);
        server?.close();
        const last = outText.trim().split('\n').pop();
        let result;
        try { result = JSON.parse(last); } catch { result = { ok: false, error: signal === 'SIGKILL' ? `hung (killed after ${timeoutMs} ms)` : `exit ${code}: ${errText.trim().split('\n').pop()}` }; }
        resolve(result);
      });
    };
    if (server) server.listen(0, '127.0.0.1', start); else start();
  });
}

export function freshDir() {
  const d = mkdtempSync(join(tmpdir(), 'wasip2-host-'));
  process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  return d;
}

// One bug: the bare host must show it (else we say it was not reproduced), the runner must
// not, on either of its hosts (native: the default; shim: the fallback with its fixes).
let failures = 0;
export async function bug(name, scenario, opts = {}) {
  const bare = await runScenario(scenario, 'bare', { ...opts, dir: opts.dir?.() });
  const fixed = await runScenario(scenario, 'fixed', { ...opts, dir: opts.dir?.() });
  const shim = await runScenario(scenario, 'shim', { ...opts, dir: opts.dir?.() });
  const shown = !bare.ok;
  const ok = fixed.ok && shim.ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: bare host ${shown ? 'shows the bug' : 'did NOT reproduce it'} ${JSON.stringify(bare)}; `
    + `wasip2-run native ${JSON.stringify(fixed)}; --host=shim ${JSON.stringify(shim)}`);
  if (!ok) failures++;
  return { bare, fixed, shim };
}
export function done() {
  console.log(failures ? `${failures} check(s) failed` : 'all host checks passed');
  process.exit(failures ? 1 : 0);
}
