// Print the node_modules folders (relative to the tree) that the SDK's tools load at run time:
// the packages named on the command line and everything they depend on, resolved as Node does
// (nested node_modules first, then each parent's). Used by mk/dist.sh; a package's nested
// node_modules are listed as packages of their own, never copied wholesale.
//   node mk/node-closure.mjs ROOT PKG...
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [root, ...wanted] = process.argv.slice(2);
const seen = new Set();

function resolveFrom(dir, name) {
  for (let d = dir; ; d = dirname(d)) {
    const p = join(d, 'node_modules', name);
    if (existsSync(join(p, 'package.json'))) return p;
    if (d === root || dirname(d) === d) return null;
  }
}

function visit(pkgDir) {
  if (seen.has(pkgDir)) return;
  seen.add(pkgDir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
  for (const name of Object.keys(deps)) {
    const p = resolveFrom(pkgDir, name);
    if (p) visit(p);
    else if (!(name in (pkg.optionalDependencies ?? {}))) throw new Error(`${name} (needed by ${pkg.name}) not installed`);
  }
}

for (const w of wanted) {
  const p = resolveFrom(root, w);
  if (!p) throw new Error(`${w} not installed`);
  visit(p);
}
for (const p of [...seen].sort()) console.log(relative(root, p));
