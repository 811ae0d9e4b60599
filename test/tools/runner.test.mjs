// Tests of tools/wasip2-run with a hand-written guest (no libc): one component whose
// behaviour is selected by argv[1].
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRELUDE, RUNNER, compile, makeTestWit, skip, tempDir, which } from './fixtures.mjs';

if (!which('clang-22')) skip('clang-22 not found');

const GUEST = PRELUDE + String.raw`
IMP("wasi:cli/environment@0.2.0", "get-environment") void get_environment(void *ret);
IMP("wasi:cli/environment@0.2.0", "get-arguments") void get_arguments(void *ret);
IMP("wasi:filesystem/preopens@0.2.0", "get-directories") void get_directories(void *ret);
IMP("wasi:filesystem/types@0.2.0", "[resource-drop]descriptor") void drop_descriptor(int h);
IMP("wasi:sockets/tcp-create-socket@0.2.0", "create-tcp-socket") void create_tcp(int family, void *ret);
IMP("wasi:sockets/tcp@0.2.0", "[resource-drop]tcp-socket") void drop_tcp(int h);
struct str { const char *p; u32 len; };
struct list { void *p; u32 len; };
static int out;
static void putn(const char *s, u32 n) { int ret[4]; write_flush(out, s, n, ret); }
static int eq(struct str s, const char *z) {
  u32 i = 0; for (; i < s.len; i++) if (z[i] != s.p[i]) return 0; return z[i] == 0; }
__attribute__((noinline)) static int deep(volatile int n) {
  volatile char pad[256]; pad[n & 255] = (char)n; return deep(n + 1) + pad[(n * 7) & 255]; }

RUN {
  struct list args; get_arguments(&args);
  struct str *argv = args.p;
  if (args.len < 2) return 1;
  struct str mode = argv[1];
  out = get_stdout();
  int rc = 0;
  if (eq(mode, "hello")) put(out, "hello world\n");
  else if (eq(mode, "args")) {
    for (u32 i = 0; i < args.len; i++) { putn(argv[i].p, argv[i].len); put(out, "\n"); }
  } else if (eq(mode, "env")) {
    struct list env; get_environment(&env);
    struct { struct str k, v; } *e = env.p;
    for (u32 i = 0; i < env.len; i++) {
      putn(e[i].k.p, e[i].k.len); put(out, "="); putn(e[i].v.p, e[i].v.len); put(out, "\n"); }
  } else if (eq(mode, "dirs") || eq(mode, "leak-dir")) {
    struct list dirs; get_directories(&dirs);
    struct { int fd; struct str name; } *d = dirs.p;
    for (u32 i = 0; i < dirs.len; i++) {
      put(out, "dir "); putn(d[i].name.p, d[i].name.len); put(out, "\n");
      if (eq(mode, "dirs")) drop_descriptor(d[i].fd);
    }
  } else if (eq(mode, "tcp")) {
    struct { unsigned char tag; int val; } r; create_tcp(0, &r);
    if (r.tag == 0) { put(out, "tcp ok\n"); drop_tcp(r.val); }
    else if ((r.val & 0xff) == 1) put(out, "tcp access-denied\n");
    else put(out, "tcp error\n");
  } else if (eq(mode, "err")) rc = 1;
  else if (eq(mode, "exit-err")) { drop_out(out); wasi_exit(1); }
  else if (eq(mode, "exit-ok")) { drop_out(out); wasi_exit(0); }
  else if (eq(mode, "leak")) { put(out, "leaking stdout\n"); get_stdout(); }
  else if (eq(mode, "trap")) __builtin_trap();
  else if (eq(mode, "overflow")) rc = deep(0);
  else if (eq(mode, "badptr")) *(volatile int *)0xfffffff0u = 1;
  else { put(out, "unknown mode\n"); rc = 1; }
  drop_out(out);
  return rc;
}
`;

const dir = tempDir('runner');
const cache = join(dir, 'cache');
const wit = makeTestWit(dir);
const built = compile(dir, wit, GUEST, 'guest.wasm');
if (built.status !== 0) {
  console.log(built.stderr);
  console.log('FAIL: building the guest component');
  process.exit(1);
}
const guest = built.path;

console.log(`guest component: ${statSync(guest).size} bytes`);

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${detail.replace(/\n/g, '\n     ')}`}`);
  if (!ok) failures++;
}
function run(args, env = {}) {
  const r = spawnSync(process.execPath, [RUNNER, ...args], {
    encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, ...env }, timeout: 60000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, all: `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}` };
}

let r = run([guest, 'hello']);
check(r.code === 0 && r.out === 'hello world\n' && r.err === '', 'hello: output and exit 0 (cold)', r.all);
const t0 = performance.now();
r = run([guest, 'hello']);
const warm = performance.now() - t0;
check(r.code === 0 && r.out === 'hello world\n', `hello: warm run (${warm.toFixed(0)} ms)`, r.all);

r = run([guest, 'args', 'a b', 'ü']);
check(r.code === 0 && r.out === `${guest}\nargs\na b\nü\n`, 'args: argv[0] is the app path, args verbatim', r.all);

r = run([guest, 'err']);
check(r.code === 1 && r.err === '', 'run returning err: exit 1, no message', r.all);
r = run([guest, 'exit-err']);
check(r.code === 1 && r.err === '', 'wasi:cli/exit(err): exit 1', r.all);
r = run(['--check-leaks', guest, 'exit-ok']);
check(r.code === 0 && r.err === '', 'wasi:cli/exit(ok): exit 0', r.all);

r = run([join(dir, 'missing.wasm')]);
check(r.code === 2 && /missing\.wasm: no such file/.test(r.err) && !/\n\s+at /.test(r.err), 'missing file: one-line message', r.all);
const core = join(dir, 'core.wasm');
writeFileSync(core, Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
r = run([core]);
check(r.code === 2 && /is a core wasm module, not a component/.test(r.err), 'core module: clear message', r.all);
writeFileSync(join(dir, 'text.wasm'), 'hello');
r = run([join(dir, 'text.wasm')]);
check(r.code === 2 && /not a WebAssembly component/.test(r.err), 'not wasm: clear message', r.all);

// the trap line, then only the wasm backtrace (tools/lib/backtrace.mjs): no JS stack dump
const trapLineAndBacktrace = (err) => {
  const l = err.trimEnd().split('\n');
  return l[1] === 'wasm backtrace:' && l.slice(2).every((x) => /^\s+(\d+: 0x[0-9a-f]+ - |\.\.\. \d+ more)|^ {20}at \S+:\d+|^note: /.test(x));
};
r = run([guest, 'trap']);
check(r.code === 134 && /^wasip2-run: trap: .*unreachable/.test(r.err) && trapLineAndBacktrace(r.err), 'trap: its line and a wasm backtrace, exit 134', r.all);
r = run([guest, 'overflow']);
check(r.code === 134 && /^wasip2-run: trap: stack overflow/.test(r.err) && trapLineAndBacktrace(r.err), 'stack overflow: its line and a backtrace, exit 134', r.all);
r = run([guest, 'badptr']);
check(r.code === 134 && /^wasip2-run: trap: out of bounds memory access/.test(r.err) && trapLineAndBacktrace(r.err), 'bad pointer: trap, not called a stack overflow', r.all);

const counts = join(dir, 'counts.json');
r = run(['--count-calls', counts, guest, 'hello']);
let json = {};
try { json = JSON.parse(readFileSync(counts, 'utf8')); } catch { /* checked below */ }
check(r.code === 0 && r.out === 'hello world\n'
  && json['wasi:io/streams@0.2.0#[method]output-stream.blocking-write-and-flush'] === 1
  && json['wasi:cli/stdout@0.2.0#get-stdout'] === 1
  && json['wasi:cli/environment@0.2.0#get-arguments'] === 1
  && json['wasi:io/streams@0.2.0#[resource-drop]output-stream'] === 1,
  '--count-calls: canonical names, exact counts', `${r.all}\n${JSON.stringify(json)}`);
r = run(['--count-calls', counts, guest, 'exit-err']);
json = JSON.parse(readFileSync(counts, 'utf8'));
check(r.code === 1 && json['wasi:cli/exit@0.2.0#exit'] === 1, '--count-calls: written on wasi:cli/exit', JSON.stringify(json));
r = run(['--count-calls', counts, guest, 'trap']);
json = JSON.parse(readFileSync(counts, 'utf8'));
check(r.code === 134 && json['wasi:cli/environment@0.2.0#get-arguments'] === 1, '--count-calls: written on trap', JSON.stringify(json));

r = run(['--check-leaks', guest, 'hello']);
check(r.code === 0 && r.err === '', '--check-leaks: 0 when everything is dropped', r.all);
r = run(['--check-leaks', guest, 'leak']);
check(r.code === 3 && /wasip2-run: 1 live handles at exit: output-stream x1/.test(r.err), '--check-leaks: leaked output-stream found, exit 3', r.all);
r = run([guest, 'leak']);
check(r.code === 0, 'no --check-leaks: leak ignored', r.all);

r = run(['--env', 'FOO=bar', '--env', 'X=a=b', guest, 'env'], { SECRET_HOST_VAR: '1' });
check(r.code === 0 && r.out === 'FOO=bar\nX=a=b\n', '--env: exactly the given variables', r.all);
r = run(['--inherit-env', '--env', 'FOO=bar', guest, 'env'], { SECRET_HOST_VAR: 'yes' });
check(r.code === 0 && r.out.includes('SECRET_HOST_VAR=yes\n') && r.out.includes('FOO=bar\n'), '--inherit-env: host variables too', r.all);

r = run([guest, 'dirs']);
check(r.code === 0 && r.out === '', 'no --dir: no preopens', r.all);
const data = join(dir, 'data');
mkdirSync(data);
r = run(['--check-leaks', '--dir', `${data}::/data`, '--dir', dir, guest, 'dirs']);
check(r.code === 0 && r.out === `dir /data\ndir ${dir}\n`, '--dir HOST::GUEST and --dir HOST', r.all);
r = run(['--check-leaks', '--dir', `${data}::/data`, guest, 'leak-dir']);
check(r.code === 3 && /1 live handles at exit: descriptor x1/.test(r.err), '--check-leaks: leaked descriptor found', r.all);
r = run(['--dir', join(dir, 'nope'), guest, 'dirs']);
check(r.code === 2 && /not a directory/.test(r.err), '--dir of a missing directory: error', r.all);

r = run(['--check-leaks', guest, 'tcp']);
check(r.code === 0 && r.out === 'tcp ok\n', 'tcp socket creation allowed by default', r.all);
r = run(['--deny-network', guest, 'tcp']);
check(r.code === 0 && r.out === 'tcp access-denied\n', '--deny-network: create-tcp-socket fails with access-denied', r.all);

console.log(failures ? `${failures} check(s) failed` : 'all runner checks passed');
process.exit(failures ? 1 : 0);
