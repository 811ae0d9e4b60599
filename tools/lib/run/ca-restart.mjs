// wasip2-run's CA step (loaded only when the launcher moved the variable). Node parses the certificate file named by NODE_EXTRA_CA_CERTS at
// start-up, before any of our code runs (about 40 ms of a 90 ms hello on a machine that sets it
// for every process). Only wasi:http (preview2-shim's fetch) makes TLS connections from this
// process, so the launcher (mk/wrapper.sh) moves the variable to WASIP2_RUN_EXTRA_CA_CERTS, and
// a component that imports wasi:http is run again by a Node that got it back.
import { die } from './cli.mjs';

export function restartForCA(meta) {
  const savedCA = process.env.WASIP2_RUN_EXTRA_CA_CERTS;
  if (savedCA === undefined) return;
  if (meta.imports.some((i) => i.startsWith('wasi:http/'))) {
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const childEnv = { ...process.env, NODE_EXTRA_CA_CERTS: savedCA };
    delete childEnv.WASIP2_RUN_EXTRA_CA_CERTS;
    const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: childEnv });
    if (r.error) die(`cannot restart with NODE_EXTRA_CA_CERTS: ${r.error.message}`);
    const signals = process.getBuiltinModule('node:os').constants.signals;
    process.exit(r.status ?? (r.signal ? 128 + (signals[r.signal] ?? 1) : 1));
  }
  // the guest's inherited environment and any child see the variable under its own name
  process.env.NODE_EXTRA_CA_CERTS = savedCA;
  delete process.env.WASIP2_RUN_EXTRA_CA_CERTS;
}
