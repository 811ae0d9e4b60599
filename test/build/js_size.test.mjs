// The runner and the other tools stay small modules of short functions: no JavaScript file
// under tools/ (every .mjs/.js, and the extension-less scripts tools/wasip2-run and
// tools/wasm-component-ld) over MAX_LINES lines, no function in them over MAX_FN_LINES lines
// (from the line of its opening brace to the line of its closing one; a nested function counts
// in its parent too). Functions are found by a small tokenizer that knows comments, strings,
// template literals and regular expression literals: a `{` is a function body when it follows
// `=>`, or `)` whose `(` is not that of if/for/while/switch/catch/with.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib.mjs';

const MAX_LINES = 400;
const MAX_FN_LINES = 80;
const SCRIPTS = ['tools/wasip2-run', 'tools/wasm-component-ld'];
const NOT_CALLS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
// after these a `/` starts a regular expression, not a division
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function files() {
  const out = SCRIPTS.map((f) => path.join(ROOT, f));
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else if (/\.(mjs|js)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'tools'));
  return out;
}

// Tokens that matter for structure: { type: 'word'|'punct', v, line }. Comments, strings,
// template text and regex literals are skipped; a template's ${...} is code.
export function tokenize(src) {
  const toks = [];
  const tmpl = []; // brace depth at which each open template's ${ } ends
  let depth = 0, line = 1, i = 0;
  const prevSignificant = () => toks[toks.length - 1];
  const regexAllowed = () => {
    const p = prevSignificant();
    if (!p) return true;
    if (p.type === 'word') return REGEX_AFTER_WORD.has(p.v);
    return !(p.v === ')' || p.v === ']' || p.v === '}');
  };
  const skipTemplate = () => { // from just after ` or }, to ` or ${
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '\n') line++;
      if (c === '`') { i++; toks.push({ type: 'word', v: '`str`', line }); return; }
      if (c === '$' && src[i + 1] === '{') { i += 2; tmpl.push(depth); depth++; toks.push({ type: 'punct', v: '(', line }); return; }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      const end = e < 0 ? src.length : e + 2;
      for (let k = i; k < end; k++) if (src[k] === '\n') line++;
      i = end;
      continue;
    }
    if (c === '#' && i === 0 && src[1] === '!') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) { if (src[i] === '\\') i++; i++; }
      i++;
      toks.push({ type: 'word', v: '"str"', line });
      continue;
    }
    if (c === '`') { i++; skipTemplate(); continue; }
    if (c === '/' && regexAllowed()) {
      i++;
      let cls = false;
      while (i < src.length && (cls || src[i] !== '/')) {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') cls = true;
        else if (src[i] === ']') cls = false;
        i++;
      }
      i++;
      while (/[a-z]/.test(src[i] ?? '')) i++;
      toks.push({ type: 'word', v: '/re/', line });
      continue;
    }
    const w = /^[A-Za-z_$0-9][\w$]*/.exec(src.slice(i, i + 64));
    if (w) { toks.push({ type: 'word', v: w[0], line }); i += w[0].length; continue; }
    if (c === '=' && src[i + 1] === '>') { toks.push({ type: 'punct', v: '=>', line }); i += 2; continue; }
    if (c === '}' && tmpl.length && tmpl[tmpl.length - 1] === depth - 1) {
      tmpl.pop(); depth--; i++;
      toks.push({ type: 'punct', v: ')', line });
      skipTemplate();
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    toks.push({ type: 'punct', v: c, line });
    i++;
  }
  return toks;
}

// [{ name, start, end }] of every function body
export function functions(src) {
  const toks = tokenize(src);
  const out = [];
  const stack = []; // open braces: { fn: {name,start} | null }
  const parens = []; // indexes of open parens
  const opener = new Map(); // index of ')' -> index of its '('
  toks.forEach((t, k) => {
    if (t.v === '(' || t.v === '[') parens.push(k);
    else if ((t.v === ')' || t.v === ']') && parens.length) opener.set(k, parens.pop());
    if (t.v === '{') {
      const p = toks[k - 1];
      let fn = null;
      if (p && p.v === '=>') fn = { name: nameBefore(toks, k - 1), start: t.line };
      else if (p && p.v === ')' && opener.has(k - 1)) {
        const before = toks[opener.get(k - 1) - 1];
        if (!before || !NOT_CALLS.has(before.v)) fn = { name: before?.type === 'word' ? before.v : '(anonymous)', start: t.line };
      }
      stack.push(fn);
    } else if (t.v === '}') {
      const fn = stack.pop();
      if (fn) out.push({ ...fn, end: t.line });
    }
  });
  return out;
}

// an arrow function's name: `const name = (...) =>` or `name: (...) =>`
function nameBefore(toks, arrow) {
  let k = arrow - 1;
  if (toks[k]?.v === ')') {
    let d = 0;
    for (; k >= 0; k--) { if (toks[k].v === ')') d++; if (toks[k].v === '(' && --d === 0) break; }
  }
  k--;
  while (toks[k]?.v === 'async') k--;
  if (toks[k]?.v === '=' || toks[k]?.v === ':') return toks[k - 1]?.v ?? '(arrow)';
  return '(arrow)';
}

// self-check of the scanner on what it must get right
function selfTest() {
  const src = [
    'const re = /[{]/g; const s = `${a({})}{`; // {',
    'function f(a) {', "  if (a) { return '}'; }", '  const g = (x) => {', '    return x / 2 / 3;',
    '  };', '  return g;', '}', 'class C {', '  m() {', '    for (;;) {}', '  }', '}',
  ].join('\n');
  const fns = functions(src).map((f) => `${f.name}:${f.start}-${f.end}`).sort();
  const want = ['f:2-8', 'g:4-6', 'm:10-12'];
  if (JSON.stringify(fns) !== JSON.stringify(want)) throw new Error(`scanner self-test: got ${fns.join(' ')}, want ${want.join(' ')}`);
}

function main() {
  selfTest();
  const bad = [];
  let nfiles = 0, nfns = 0;
  for (const file of files()) {
    const rel = path.relative(ROOT, file);
    const src = fs.readFileSync(file, 'utf8');
    nfiles++;
    const lines = src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) bad.push(`${rel}: ${lines} lines (limit ${MAX_LINES})`);
    for (const f of functions(src)) {
      nfns++;
      const n = f.end - f.start + 1;
      if (n > MAX_FN_LINES) bad.push(`${rel}:${f.start}: function ${f.name} is ${n} lines (limit ${MAX_FN_LINES})`);
    }
  }
  if (nfiles < 20 || nfns < 200) { console.log(`FAIL: only ${nfiles} files and ${nfns} functions found: the scan is broken`); process.exit(1); }
  if (bad.length) {
    console.log(`FAIL: ${bad.length} over the limits:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`ok: ${nfiles} files, ${nfns} functions, none over ${MAX_LINES} lines / ${MAX_FN_LINES} lines per function`);
}

// run as a test (the scanner can also be imported)
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
