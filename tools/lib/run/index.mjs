// wasip2-run's steps, in the order tools/wasip2-run runs them (docs/host-notes.md, "Runner
// modules", has the map and the extension points).
export { parseArgs, die } from './cli.mjs';
export { readComponent, loadTranspiled } from './load.mjs';
export { makeExit } from './exit.mjs';
export { buildHost, instantiate, runCommand } from './instantiate.mjs';

// The CA restart (ca-restart.mjs), loaded only when the launcher moved NODE_EXTRA_CA_CERTS.
export async function restartForCA(meta) {
  if (process.env.WASIP2_RUN_EXTRA_CA_CERTS === undefined) return;
  (await import('./ca-restart.mjs')).restartForCA(meta);
}

// Extension points: compile.mjs (addCoreTransform, setCoreCompiler), trap.mjs
// (addTrapReporter), ../host/io.mjs (addEventSource). Plug-ins register from a module imported
// here, one line each; each costs start-up for every run, so keep it small and decide in the
// hook whether it applies:
// (no plug-ins yet)
