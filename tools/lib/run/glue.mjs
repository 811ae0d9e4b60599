// Loading the cached glue: from its classic-script form with V8's code cache when there is one
// (Node 20 has no compile cache for ES modules; the cache is written when the first run ends,
// when the functions it ran are compiled), else as an ES module.
const { existsSync, readFileSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');
const { pathToFileURL } = process.getBuiltinModule('node:url');

// { glue, saveCache() }
export async function loadGlue(dir) {
  const sfile = join(dir, 'component.script.js');
  if (!existsSync(sfile)) return { glue: await import(pathToFileURL(join(dir, 'component.js')).href), saveCache() {} };
  const { Script } = process.getBuiltinModule('node:vm');
  const cfile = join(dir, 'component.script.v8cache');
  let cachedData;
  try { cachedData = readFileSync(cfile); } catch { /* first run */ }
  const script = new Script(readFileSync(sfile, 'utf8'), { filename: sfile, cachedData });
  const glue = script.runInThisContext();
  const fresh = !cachedData || script.cachedDataRejected;
  return {
    glue,
    saveCache() {
      if (!fresh) return;
      try {
        const tmp = `${cfile}.${process.pid}`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cfile);
      } catch { /* a read-only cache is fine */ }
    },
  };
}
