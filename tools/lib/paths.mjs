// Locating our npm dependencies without machine-specific paths.
// Order: $WASIP2_LIBC_HOME/node_modules, then node_modules in the directory of the
// running script (its real path, so symlinks in build/bin work) or any parent.
// (built-ins without their ES facades, no top-level await: wasip2-run's start-up)
const { existsSync, readFileSync, realpathSync } = process.getBuiltinModule('node:fs');
const { dirname, join, resolve } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const MARKER = join('@bytecodealliance', 'preview2-shim', 'package.json');
let cached;

export function nodeModulesDir(fromFile = process.argv[1]) {
  if (cached) return cached;
  const tried = [];
  const home = process.env.WASIP2_LIBC_HOME;
  if (home) {
    const nm = resolve(home, 'node_modules');
    if (existsSync(join(nm, MARKER))) return (cached = nm);
    tried.push(nm);
  }
  const starts = [];
  try { starts.push(dirname(realpathSync(fromFile))); } catch { /* ignore */ }
  starts.push(dirname(fileURLToPath(import.meta.url)));
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const nm = join(dir, 'node_modules');
      if (existsSync(join(nm, MARKER))) return (cached = nm);
      tried.push(nm);
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('cannot find node_modules with @bytecodealliance/preview2-shim '
    + '(set WASIP2_LIBC_HOME to the wasip2-libc checkout; looked in ' + tried.slice(0, 4).join(', ') + ' ...)');
}

// Path of a file inside an installed package (bypasses the package "exports" map on purpose,
// so that every user of the same file gets the same module instance).
export function pkgFile(pkg, rel) {
  return join(nodeModulesDir(), pkg, rel);
}

export function importPkgFile(pkg, rel) {
  return import(pathToFileURL(pkgFile(pkg, rel)).href);
}

export function pkgVersion(pkg) {
  try {
    return JSON.parse(readFileSync(pkgFile(pkg, 'package.json'), 'utf8')).version;
  } catch { return 'unknown'; }
}

