// Our sysroot's headers against upstream wasi-libc's wasm32-wasip2 ABI
// (test/abi/upstream_wasip2.tsv, written by gen-upstream-table.mjs from an
// upstream build): every macro value, typedef size and alignment, struct
// size, alignment and member offset upstream's headers give is the same in
// ours, so an object compiled with either header set links and behaves the
// same (wasi-libc issue #447).  Facts are compared header by header; a fact
// our header reaches through another header of the list (with the same
// value) counts as present.  EXCEPTIONS lists each deliberate difference,
// with upstream's value beside ours and the reason (docs/compatibility.md,
// "Headers and ABI shared with upstream"); an exception that no longer
// differs fails too, so the list stays short and true.
//! timeout: 300
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsTable, parseTable, HEADERS } from './facts.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SYSROOT = path.resolve(HERE, '../../build/sysroot');
if (!fs.existsSync(path.join(SYSROOT, 'include/wasm32-wasip2'))) { console.log('no sysroot: build first (make)'); process.exit(1); }

// `kind name` -> why; `ours`/`upstream` say what each side has.
const EXCEPTIONS = {
  'macro O_CLOEXEC': { upstream: '0', ours: '536870912', why: 'a real close-on-exec bit (Linux behaviour); upstream objects pass 0 and get no FD_CLOEXEC, which is what they asked for' },
  'macro SO_RCVTIMEO': { upstream: '20 or 66 by include order', ours: '66', why: "upstream's <sys/socket.h> tests __LONG_MAX before defining it; getsockopt/setsockopt accept 20 and 66 alike" },
  'macro SO_SNDTIMEO': { upstream: '21 or 67 by include order', ours: '67', why: 'as SO_RCVTIMEO' },
  'sizeof sigset_t': { upstream: '1', ours: '128', why: "Linux's 1024-bit set: signals 1-64 are real here (sigaction, masks, pthread_sigmask); upstream's one byte cannot hold them" },
  'alignof sigset_t': { upstream: '1', ours: '4', why: 'as sizeof sigset_t' },
  'macro WINT_MIN': { upstream: '0', ours: '-2147483648', why: "both headers take wint_t from clang (int); upstream's limits describe an unsigned int" },
  'macro WINT_MAX': { upstream: '4294967295', ours: '2147483647', why: 'as WINT_MIN' },
  'macro PAGESIZE': { upstream: '? (a call)', ours: '65536', why: 'the wasm page size as a constant, usable in #if; the same number' },
  'macro PAGE_SIZE': { upstream: '? (a call)', ours: '65536', why: 'as PAGESIZE' },
  'macro h_errno': { upstream: '(*__h_errno_location())', ours: 'an int variable', why: 'a plain global, as Linux and POSIX declare it; __h_errno_location() returns its address, so upstream objects link and read the same value' },
};
// Names our headers leave out on purpose (no value to disagree with: an
// upstream object passing one gets ENOPROTOOPT, as ours would).
const ABSENT = [
  [/^macro TCP_(?!NODELAY$|KEEPIDLE$|KEEPINTVL$|KEEPCNT$|USER_TIMEOUT$)/, 'TCP options WASI 0.2 cannot honour: undefined so `#ifdef TCP_CORK` takes the portable path'],
  [/^macro UDP_/, 'UDP options: WASI 0.2 has none (SOL_UDP is ENOPROTOOPT)'],
  [/^(sizeof|alignof|offsetof) struct sched_param\b/, '<sched.h> is audited by another change (Debian hides struct sched_param)'],
];

const up = parseTable(fs.readFileSync(path.join(HERE, 'upstream_wasip2.tsv'), 'utf8'));
const ours = parseTable(factsTable(SYSROOT, HEADERS).join('\n'));
const anywhere = new Map();
for (const [k, v] of ours) {
  const [, kind, name] = k.split('\t');
  const key = `${kind} ${name}`;
  if (!anywhere.has(key)) anywhere.set(key, new Set());
  anywhere.get(key).add(v);
}

let same = 0, elsewhere = 0, absentOk = 0;
const fail = [], used = new Set(), absentHeaders = [];
for (const [k, v] of up) {
  const [h, kind, name] = k.split('\t');
  if (kind === 'header') { absentHeaders.push(h); continue; }
  const key = `${kind} ${name}`;
  const o = ours.get(k);
  const ex = EXCEPTIONS[key];
  if (o === v || (o !== undefined && v === '?' && o === '?')) { same++; continue; }
  if (o === undefined && anywhere.get(key)?.has(v)) { elsewhere++; continue; }
  if (ex && (o !== undefined || key === 'macro h_errno')) { used.add(key); continue; }
  if (o === undefined && ABSENT.some(([re]) => re.test(key))) { absentOk++; continue; }
  fail.push(o === undefined ? `${h}: ${key} missing (upstream ${v})` : `${h}: ${key} is ${o}, upstream ${v}`);
}
for (const key of Object.keys(EXCEPTIONS)) if (!used.has(key)) fail.push(`exception ${key} no longer differs: remove it`);

console.log(`${up.size} upstream facts from ${HEADERS.length} headers: ${same} identical, ${elsewhere} reached through another header, ` +
  `${used.size} deliberate differences, ${absentOk} names left out on purpose`);
for (const h of absentHeaders) console.log(`upstream has no <${h}>: nothing to compare`);
for (const key of used) console.log(`  differs on purpose: ${key}: upstream ${EXCEPTIONS[key].upstream}, ours ${EXCEPTIONS[key].ours} (${EXCEPTIONS[key].why})`);
for (const f of fail) console.log('FAIL ' + f);
process.exit(fail.length ? 1 : 0);
