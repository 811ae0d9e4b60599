// wasip2-run's host step: the guest's environment and the host's configuration from the
// command line, then the import object (../host.mjs: the native host or preview2-shim).
import { die, say } from './report.mjs';
import { buildImports } from '../host.mjs';

const { resolve } = process.getBuiltinModule('node:path');

export async function buildHost(o, meta, ex) {
  const env = {};
  if (o.inheritEnv) Object.assign(env, process.env);
  for (const [k, v] of o.env) env[k] = v;
  // WASIP2_RUN_HOST_FIXES=0 runs the bare preview2-shim (to reproduce host bugs; test/host)
  const bare = process.env.WASIP2_RUN_HOST_FIXES === '0';
  try {
    return await buildImports({
      args: [o.app, ...o.args],
      env,
      preopens: o.dirs.map(([guest, host]) => [guest, resolve(host)]),
      denyNetwork: o.denyNetwork,
      packages: [...new Set(meta.imports.map((i) => i.replace(/^wasi:([^/]+)\/.*$/, '$1')))],
      onExit: (code) => ex.finish(code),
      exitStatus: () => ex.recordedStatus(),
      hostFixes: !bare,
      host: bare ? 'shim' : o.host,
      say,
    });
  } catch (e) { die(e.message); }
}
