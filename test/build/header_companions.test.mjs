// Half-definitions that stop builds: a feature macro whose functions or types are missing, a
// flag without its API, a header without its constants.  Each option macro <unistd.h> defines
// (every _POSIX_*/_XOPEN_* one, found with -dM, none may be left unlisted here) and each
// header-level flag we ship (POSIX_SPAWN_SETSCHEDPARAM, <netpacket/packet.h>) must come with
// its companions: a program that uses them compiles (C -std=c99 and default, C++) and links.
// Found this way: <spawn.h> had POSIX_SPAWN_SETSCHEDPARAM without struct sched_param or
// posix_spawnattr_setschedparam; <netpacket/packet.h> came without AF_PACKET;
// _POSIX_THREAD_PRIORITY_SCHEDULING without pthread_setschedparam.  (Each header compiling
// alone is test/build/headers_std.test.mjs.)
//! timeout: 300
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SYSROOT, CLANG } from './lib.mjs';

const CLANGXX = process.env.CLANGXX || CLANG.replace(/clang(?=[^/]*$)/, 'clang++');
const BASE = ['--target=wasm32-wasip2', `--sysroot=${SYSROOT}`];
const env = { ...process.env, PATH: `${path.join(ROOT, 'build/bin')}:${process.env.PATH}` };  // wasm-component-ld
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasip2-companions-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
let failures = 0;
const check = (ok, what, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n     ${String(detail).trim().slice(-1200)}`}`);
  if (!ok) failures++;
};

// Macros that promise only behaviour or a value, no API of their own.
const VALUES = new Set(['_POSIX_VERSION', '_POSIX2_VERSION', '_POSIX_CHOWN_RESTRICTED', '_POSIX_NO_TRUNC',
  '_POSIX_VDISABLE', '_POSIX_V6_ILP32_OFFBIG', '_POSIX_V7_ILP32_OFFBIG', '_XOPEN_VERSION', '_XOPEN_SOURCE',
  '_XOPEN_UNIX', '_XOPEN_ENH_I18N', '_POSIX2_C_BIND']);

// macro -> [headers, code using the companions (function addresses: they must link)]
const fns = (...f) => `void *volatile p[] = { ${f.map((x) => `(void *)${x}`).join(', ')} }; (void)p;`;
const TABLE = {
  _POSIX_ADVISORY_INFO: [['fcntl.h', 'stdlib.h'], fns('posix_fadvise', 'posix_memalign')],
  _POSIX_BARRIERS: [['pthread.h'], `pthread_barrier_t b; ${fns('pthread_barrier_init', 'pthread_barrier_wait', 'pthread_barrier_destroy')} (void)b;`],
  _POSIX_CLOCK_SELECTION: [['pthread.h', 'time.h'], fns('pthread_condattr_setclock', 'pthread_condattr_getclock', 'clock_nanosleep')],
  _POSIX_CPUTIME: [['time.h'], `clockid_t c = CLOCK_PROCESS_CPUTIME_ID; (void)c; ${fns('clock_getcpuclockid')}`],
  _POSIX_FSYNC: [['unistd.h'], fns('fsync')],
  _POSIX_IPV6: [['sys/socket.h', 'netinet/in.h'], 'struct sockaddr_in6 s; s.sin6_family = AF_INET6; (void)s;'],
  _POSIX_MONOTONIC_CLOCK: [['time.h'], 'clockid_t c = CLOCK_MONOTONIC; (void)c;'],
  _POSIX_READER_WRITER_LOCKS: [['pthread.h'], `pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER; (void)l; ${fns('pthread_rwlock_rdlock', 'pthread_rwlock_wrlock', 'pthread_rwlock_unlock')}`],
  _POSIX_REALTIME_SIGNALS: [['signal.h'], fns('sigqueue', 'sigtimedwait', 'sigwaitinfo')],
  _POSIX_REGEXP: [['regex.h'], fns('regcomp', 'regexec', 'regfree')],
  _POSIX_SEMAPHORES: [['semaphore.h'], fns('sem_init', 'sem_wait', 'sem_post', 'sem_timedwait', 'sem_open', 'sem_close', 'sem_unlink')],
  _POSIX_SPIN_LOCKS: [['pthread.h'], fns('pthread_spin_init', 'pthread_spin_lock', 'pthread_spin_unlock')],
  _POSIX_THREADS: [['pthread.h'], fns('pthread_create', 'pthread_join', 'pthread_mutex_lock', 'pthread_cond_wait', 'pthread_key_create')],
  _POSIX_THREAD_ATTR_STACKADDR: [['pthread.h'], fns('pthread_attr_setstack', 'pthread_attr_getstack')],
  _POSIX_THREAD_ATTR_STACKSIZE: [['pthread.h'], fns('pthread_attr_setstacksize', 'pthread_attr_getstacksize')],
  _POSIX_THREAD_CPUTIME: [['pthread.h', 'time.h'], `clockid_t c = CLOCK_THREAD_CPUTIME_ID; (void)c; ${fns('pthread_getcpuclockid')}`],
  _POSIX_THREAD_PRIORITY_SCHEDULING: [['pthread.h', 'sched.h'],
    `struct sched_param sp = { 0 }; int pol = SCHED_OTHER + SCHED_FIFO + SCHED_RR; (void)sp; (void)pol;
     ${fns('pthread_setschedparam', 'pthread_getschedparam', 'pthread_attr_setschedparam', 'pthread_attr_getschedparam',
    'pthread_attr_setschedpolicy', 'pthread_attr_setinheritsched', 'sched_get_priority_max', 'sched_get_priority_min',
    'sched_setscheduler', 'sched_getscheduler', 'sched_getparam', 'sched_setparam', 'sched_rr_get_interval')}`],
  _POSIX_THREAD_PROCESS_SHARED: [['pthread.h'], `int s = PTHREAD_PROCESS_SHARED; (void)s; ${fns('pthread_mutexattr_setpshared', 'pthread_condattr_setpshared')}`],
  _POSIX_THREAD_SAFE_FUNCTIONS: [['string.h', 'time.h', 'stdio.h', 'stdlib.h', 'pwd.h'], fns('strtok_r', 'localtime_r', 'gmtime_r', 'getc_unlocked', 'flockfile', 'rand_r', 'getpwnam_r')],
  _POSIX_TIMEOUTS: [['pthread.h', 'semaphore.h'], fns('pthread_mutex_timedlock', 'sem_timedwait', 'pthread_rwlock_timedrdlock')],
  _POSIX_TIMERS: [['time.h'], fns('clock_gettime', 'clock_getres', 'nanosleep')],
};
// Known gaps, documented in docs/compatibility.md: checked to be still missing, so this list
// (and the documentation) must change when one is filled.  Programs test these macros for
// the functions above, which work; the parts listed here are not provided.
const GAPS = [
  ['_POSIX_TIMERS: timer_create/timer_settime/timer_delete (per-process timers)', ['time.h'], fns('timer_create', 'timer_settime', 'timer_delete')],
  ['_POSIX_TIMERS: clock_settime (WASI cannot set a clock)', ['time.h'], fns('clock_settime')],
  ['_POSIX_REALTIME_SIGNALS: SIGRTMIN/SIGRTMAX (no real-time signal numbers)', ['signal.h'], 'int s = SIGRTMIN; (void)s;'],
];
// Flags and headers: [name, headers, code]
const FLAGS = [
  ['POSIX_SPAWN_SETSCHEDPARAM / SETSCHEDULER', ['spawn.h'],
    `posix_spawnattr_t a; struct sched_param sp = { 0 }; short f = POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER;
     (void)a; (void)sp; (void)f; ${fns('posix_spawnattr_setschedparam', 'posix_spawnattr_getschedparam', 'posix_spawnattr_setschedpolicy')}`],
  ['<netpacket/packet.h>: AF_PACKET and struct sockaddr_ll', ['sys/socket.h', 'netpacket/packet.h'],
    'struct sockaddr_ll ll = { 0 }; ll.sll_family = AF_PACKET; int pf = PF_PACKET; (void)ll; (void)pf;'],
];

const r = spawnSync(CLANG, [...BASE, '-dM', '-E', '-x', 'c', '-'], { input: '#include <unistd.h>\n', encoding: 'utf8' });
const defined = [...r.stdout.matchAll(/^#define (_(?:POSIX|POSIX2|XOPEN)_\w+) (.*)$/gm)]
  .filter((m) => m[2].trim() !== '-1' && m[2].trim() !== '0' || m[1] === '_POSIX_VDISABLE').map((m) => m[1]);
check(defined.length > 10, `<unistd.h> defines ${defined.length} option macros`, r.stderr);
for (const m of defined) check(VALUES.has(m) || m in TABLE, `${m}: listed here (companions or value-only)`);

function tryBuild(name, headers, code, guard) {
  const src = `${headers.map((h) => `#include <${h}>`).join('\n')}\n#include <unistd.h>\n`
    + (guard ? `#ifndef ${guard}\n#error ${guard} not defined\n#endif\n` : '')
    + `int main(void) {\n${code}\nreturn 0;\n}\n`;
  const f = path.join(dir, `${name.replace(/\W+/g, '_')}.c`);
  fs.writeFileSync(f, src);
  for (const [mode, cc, flags] of [['c99', CLANG, ['-std=c99', '-D_POSIX_C_SOURCE=200809L']], ['gnu (default)', CLANG, []],
    ['c++', CLANGXX, ['-x', 'c++']]]) {
    const out = path.join(dir, 'a.wasm');
    const b = spawnSync(cc, [...BASE, '-O0', '-Werror=implicit-function-declaration', ...flags, f, '-o', out], { encoding: 'utf8', env });
    check(b.status === 0, `${name}: companions compile and link (${mode})`, b.stderr);
  }
}
for (const m of defined) if (TABLE[m]) tryBuild(m, ...TABLE[m], m);
for (const [name, headers, code] of FLAGS) tryBuild(name, headers, code);
for (const [name, headers, code] of GAPS) {
  const f = path.join(dir, 'gap.c');
  fs.writeFileSync(f, `${headers.map((h) => `#include <${h}>`).join('\n')}\nint main(void) {\n${code}\nreturn 0;\n}\n`);
  const b = spawnSync(CLANG, [...BASE, '-O0', f, '-o', path.join(dir, 'gap.wasm')], { encoding: 'utf8', env });
  check(b.status !== 0, `known gap still missing (update the list and docs when filled): ${name}`);
}
process.exit(failures ? 1 : 0);
