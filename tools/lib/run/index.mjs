// wasip2-run's steps, in the order tools/wasip2-run runs them (docs/host-notes.md, "Runner
// modules", has the map and the extension points).
export { parseArgs } from './args.mjs';
export { readComponent, loadTranspiled } from './load.mjs';
export { restartForCA } from './ca-restart.mjs';
export { makeExit } from './exit.mjs';
export { buildHost } from './host-step.mjs';
export { instantiate, runCommand } from './instantiate.mjs';
export { die } from './report.mjs';
// extension points (plugins.mjs registers on them)
import './plugins.mjs';
export { addCoreTransform, setCoreCompiler } from './compile.mjs';
export { addTrapReporter } from './trap.mjs';
export { addEventSource } from '../native-host.mjs';
