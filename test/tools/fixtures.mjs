// Shared helpers for test/tools/*.test.mjs (not a test itself).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LINKER = join(ROOT, 'tools', 'wasm-component-ld');
export const RUNNER = join(ROOT, 'tools', 'wasip2-run');

export function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function skip(reason) {
  console.log(`skip: ${reason}`);
  process.exit(77);
}

export function tempDir(tag) {
  const d = mkdtempSync(join(tmpdir(), `wasip2-${tag}-`));
  process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  return d;
}

// Drop `@unstable(...)`-gated items (a line, or a braced block) from WIT text.
function dropUnstable(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*@unstable\(/.test(lines[i])) { out.push(lines[i]); continue; }
    // skip the gated item that follows
    let j = i + 1, depth = 0;
    for (; j < lines.length; j++) {
      depth += (lines[j].match(/[{(]/g) || []).length - (lines[j].match(/[})]/g) || []).length;
      if (depth <= 0) break;
    }
    i = j;
  }
  return out.join('\n');
}

// A 0.2.0 WIT folder made from jco's shipped 0.2.12 WIT plus our world file.
export function makeTestWit(dir) {
  if (process.env.WASIP2_TEST_WIT) return process.env.WASIP2_TEST_WIT;
  const src = join(ROOT, 'node_modules', '@bytecodealliance', 'jco', 'lib', 'wit', 'builtin', '0.2.12');
  const wit = join(dir, 'wit');
  for (const pkg of readdirSync(src)) {
    let text = readFileSync(join(src, pkg, 'package.wit'), 'utf8').replaceAll('@0.2.12', '@0.2.0');
    text = dropUnstable(text).replace(/^\s*exit-with-code:.*\n/m, '');
    mkdirSync(join(wit, 'deps', pkg), { recursive: true });
    writeFileSync(join(wit, 'deps', pkg, 'package.wit'), text);
  }
  writeFileSync(join(wit, 'world.wit'), `package wasip2-libc:component;
world command {
  include wasi:cli/imports@0.2.0;
  export wasi:cli/run@0.2.0;
}
world reactor {
  include wasi:cli/imports@0.2.0;
}
`);
  return wit;
}

// Put our linker on PATH as wasm-component-ld (what clang runs) and compile.
export function clangEnv(dir, wit) {
  const bin = join(dir, 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    symlinkSync(LINKER, join(bin, 'wasm-component-ld'));
  }
  return { ...process.env, PATH: `${bin}:${process.env.PATH}`, WASIP2_WIT: wit };
}

export function compile(dir, wit, src, out, extra = []) {
  const cfile = join(dir, out.replace(/\.wasm$/, '.c'));
  writeFileSync(cfile, src);
  const r = spawnSync('clang-22', ['--target=wasm32-wasip2', '-nostdlib', '-fno-builtin', '-O2', ...extra, cfile, '-o', join(dir, out)],
    { env: clangEnv(dir, wit), encoding: 'utf8' });
  return { ...r, path: join(dir, out) };
}

// Canonical-ABI declarations shared by the fixtures.
export const PRELUDE = String.raw`
#define IMP(m, n) __attribute__((import_module(m), import_name(n)))
typedef unsigned int u32;
IMP("wasi:cli/stdout@0.2.0", "get-stdout") int get_stdout(void);
IMP("wasi:io/streams@0.2.0", "[method]output-stream.blocking-write-and-flush")
void write_flush(int h, const void *p, u32 len, void *ret);
IMP("wasi:io/streams@0.2.0", "[resource-drop]output-stream") void drop_out(int h);
IMP("wasi:cli/exit@0.2.0", "exit") void wasi_exit(int is_err);
static char heap[65536]; static u32 hp;
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, u32 os, u32 al, u32 ns) {
  hp = (hp + al - 1) & ~(al - 1); void *r = heap + hp; hp += ns; return r; }
static u32 slen(const char *s) { u32 n = 0; while (s[n]) n++; return n; }
static void put(int h, const char *s) { int ret[4]; write_flush(h, s, slen(s), ret); }
#define RUN __attribute__((export_name("wasi:cli/run@0.2.0#run"))) int run(void)
`;

// A libc-less setjmp/longjmp runtime (clang's __wasm_setjmp/__wasm_longjmp contract and the
// __c_longjmp tag) and a program that longjmps N times out of a recursion: the EH tests' guest.
export const SJLJ_RT = String.raw`
typedef unsigned int u32;
typedef struct { void *fid; u32 label; struct { void *env; int val; } arg; } jb_t;
void __wasm_setjmp(void *env, u32 label, void *fid) { jb_t *j = env; j->fid = fid; j->label = label; }
u32 __wasm_setjmp_test(void *env, void *fid) { jb_t *j = env; return j->fid == fid ? j->label : 0; }
__asm__(".globl __c_longjmp\n.tagtype __c_longjmp i32\n__c_longjmp:\n");
__attribute__((target("exception-handling"), noreturn))
void __wasm_longjmp(void *env, int val) { jb_t *j = env; j->arg.env = env; j->arg.val = val ? val : 1; __builtin_wasm_throw(1, &j->arg); }
`;
export const sjljProgram = (n) => PRELUDE + String.raw`
typedef struct { void *fid; u32 label; struct { void *env; int val; } arg; } jmp_buf[1];
int setjmp(jmp_buf); void longjmp(jmp_buf, int) __attribute__((noreturn));
static jmp_buf jb;
__attribute__((noinline)) static void thrower(int n) { if (n == 0) longjmp(jb, 7); thrower(n - 1); }
RUN {
  int count = 0;
  for (int i = 0; i < ${n}; i++) { if (setjmp(jb) == 0) thrower(i % 50); else count++; }
  int out = get_stdout();
  put(out, count == ${n} ? "${n} longjmps ok\n" : "longjmp count wrong\n");
  drop_out(out);
  return count == ${n} ? 0 : 1;
}`;
