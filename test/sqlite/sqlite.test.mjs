// SQLite, unmodified (the amalgamation from the pinned better-sqlite3 dev dependency), with
// examples/sqlite/sqlite_driver.c: schema, 100,000 inserts in one transaction, indexed query,
// close + reopen + verify, a rolled-back transaction leaves no trace (rollback journal), and
// SQLite's WASI locking (the unix-dotfile VFS: a lock directory) really excludes a second
// writer.  Prints the figures: component size, insert time vs the same driver built by gcc,
// host calls per inserted row.
//! timeout: 600
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSROOT, skip } from '../build/lib.mjs';

const SQ = join(ROOT, 'node_modules/better-sqlite3/deps/sqlite3');
if (!existsSync(join(SQ, 'sqlite3.c'))) skip('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c missing (npm ci)');
const BIN = join(ROOT, 'build/bin');
const RUN = join(BIN, 'wasip2-run');
// Only options SQLite documents (compile.html); both are also SQLite's own WASI defaults.
const DEFS = ['-DSQLITE_OMIT_LOAD_EXTENSION', '-DSQLITE_THREADSAFE=0'];
const ROWS = 100000;

const dir = mkdtempSync(join(tmpdir(), 'wasip2-sqlite-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, PATH: `${BIN}:${process.env.PATH}` };
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-2000).replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 300000, maxBuffer: 64 << 20, ...opts });

const wasm = join(dir, 'sqlite.wasm');
let r = sh('clang-22', ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`, '-O2', ...DEFS, `-I${SQ}`,
  join(ROOT, 'examples/sqlite/sqlite_driver.c'), join(SQ, 'sqlite3.c'), '-o', wasm]);
check(r.status === 0, 'sqlite3.c + sqlite_driver.c build for wasm32-wasip2 with no source change', r.stderr);
if (r.status !== 0) process.exit(1);
const data = join(dir, 'data');
mkdirSync(data);
copyFileSync(join(ROOT, 'examples/sqlite/schema.sql'), join(data, 'schema.sql'));
// SQLite spills big sorts (CREATE INDEX on 100,000 rows) to temporary files in $SQLITE_TMPDIR,
// $TMPDIR, /var/tmp, /usr/tmp, /tmp or "." -- none of which a component can reach unless granted.
const TMP = ['--env', 'SQLITE_TMPDIR=/data'];
const db = (args, extra = []) => sh(RUN, [...extra, ...TMP, '--dir', `${data}::/data`, wasm, '/data/test.db', ...args]);

// 1. Schema, 100,000 rows in one transaction, an index, an indexed query.
r = db(['/data/schema.sql', '--insert', String(ROWS), '-e', 'CREATE INDEX bench_name ON bench(name);',
  '-e', "SELECT id, score FROM bench WHERE name = 'name-4242';",
  '-e', "EXPLAIN QUERY PLAN SELECT id FROM bench WHERE name = 'name-4242';"]);
const m = /inserted (\d+) rows in ([\d.]+) ms/.exec(r.stdout);
check(r.status === 0 && m && +m[1] === ROWS, `schema + ${ROWS} inserts in one transaction`, r.stderr + r.stdout);
// name-K is row i with i*7919 % ROWS == K: exactly one row, found through the index
check(/^\d+\|\d+(\.\d+)?$/m.test(r.stdout) && /USING (COVERING )?INDEX bench_name/.test(r.stdout), 'indexed query answers through bench_name', r.stdout);
check(!existsSync(join(data, 'test.db-journal')) && !existsSync(join(data, 'test.db.lock')), 'no journal or lock left after commit and close');

// 2. Reopen (a new component instance) and verify everything is there.
r = db(['-e', "SELECT count(*), sum(id), min(name), max(name) FROM bench; PRAGMA integrity_check;"]);
check(r.status === 0 && r.stdout === `${ROWS}|${ROWS * (ROWS + 1) / 2}|name-0|name-99999\nok\n`, 'after reopen: all rows there, integrity_check ok', r.stderr + r.stdout);
r = db(['-e', "INSERT INTO notes(body) VALUES('kept');", '--reopen', '-e', 'SELECT body FROM notes;']);
check(r.status === 0 && r.stdout === 'kept\n', 'close + reopen inside one run keeps a committed row', r.stderr + r.stdout);

// 3. A rolled-back transaction leaves no trace: explicitly, and when the program dies mid-way
//    (the hot journal is rolled back by the next open).
r = db(['-e', "PRAGMA journal_mode; BEGIN; INSERT INTO notes(body) VALUES('gone'); DELETE FROM bench WHERE id <= 50000; UPDATE notes SET body='changed'; ROLLBACK;",
  '-e', "SELECT count(*) FROM bench; SELECT group_concat(body) FROM notes;"]);
check(r.status === 0 && r.stdout === `delete\n${ROWS}\nkept\n`, 'ROLLBACK (journal_mode=delete): no trace', r.stderr + r.stdout);
r = db(['-e', "BEGIN; DELETE FROM bench; INSERT INTO notes(body) VALUES('half'); SELECT count(*) FROM bench;", '-e', 'SELECT no_such_function();']);
check(r.status === 1, 'a run that fails inside a transaction exits 1', r.stderr);
r = db(['-e', 'SELECT count(*) FROM bench; SELECT group_concat(body) FROM notes; PRAGMA integrity_check;']);
check(r.status === 0 && r.stdout === `${ROWS}\nkept\nok\n`, 'unfinished transaction (program ended without COMMIT) left no trace', r.stderr + r.stdout);

// 4. Locking.  SQLite's WASI build uses its unix-dotfile VFS: a writer holds DB.lock, a
//    directory created with mkdir (atomic on the host), not fcntl.  Another holder -- here the
//    test itself, as a second process would -- makes the component's write fail with BUSY.
mkdirSync(join(data, 'test.db.lock'));
r = db(['-e', "INSERT INTO notes(body) VALUES('blocked');"]);
check(r.status === 1 && /database is locked/.test(r.stderr), 'a lock held by another process: "database is locked"', r.stderr + r.stdout);
rmSync(join(data, 'test.db.lock'), { recursive: true });
r = db(['-e', "SELECT group_concat(body) FROM notes;"]);
check(r.status === 0 && r.stdout === 'kept\n', 'after the lock is released: readable, the blocked insert absent', r.stderr + r.stdout);

// 5. Figures.
const size = statSync(wasm).size;
let perRow = '?';
try {
  // Host calls of the inserts alone: --insert ROWS minus --insert 0, each on a fresh database.
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  const count = (n) => {
    const f = join(dir, `calls-${n}.json`);
    rmSync(join(data, `calls-${n}.db`), { force: true });
    sh(RUN, ['--count-calls', f, ...TMP, '--dir', `${data}::/data`, wasm, `/data/calls-${n}.db`, '--insert', String(n)]);
    return JSON.parse(readFileSync(f, 'utf8'));
  };
  const c1 = count(ROWS), c0 = count(0);
  perRow = ((sum(c1) - sum(c0)) / ROWS).toFixed(4);
  const top = Object.entries(c1).filter(([, n]) => n > 20).map(([k, n]) => `${k.replace(/^.*#/, '')} ${n}`).join(', ');
  console.log(`     host calls: ${sum(c1)} for --insert ${ROWS}, ${sum(c0)} for --insert 0; busiest: ${top}`);
} catch (e) { console.log(`     host-call count unavailable: ${e.message}`); }
let native = null;
const gcc = spawnSync('sh', ['-c', 'command -v gcc']).status === 0;
if (gcc) {
  const exe = join(dir, 'sqlite_native');
  r = sh('gcc', ['-O2', ...DEFS, `-I${SQ}`, join(ROOT, 'examples/sqlite/sqlite_driver.c'), join(SQ, 'sqlite3.c'), '-o', exe, '-lm']);
  if (r.status === 0) {
    const n = sh(exe, [join(data, 'native.db'), '--insert', String(ROWS)]);
    const nm = /inserted \d+ rows in ([\d.]+) ms/.exec(n.stdout);
    if (nm) native = +nm[1];
  }
}
console.log(`     FIGURES: component ${size} bytes; ${ROWS} inserts ${m ? m[2] : '?'} ms (wasm) vs ${native ?? '?'} ms (gcc -O2)`
  + `${m && native ? `, ratio ${(m[2] / native).toFixed(1)}x` : ''}; host calls per inserted row ${perRow}`);
process.exit(failures ? 1 : 0);
