// What a small node or python script does to the JSON files it rewrites, read statement by statement.
//
// Agents edit package.json, tsconfig.json or a tool's config with a few lines of code instead of a
// JSON tool: `node - <<'EOF'` … `pkg.scripts.lint = 'eslint src'` … `fs.writeFileSync('package.json',
// JSON.stringify(pkg, null, 2) + '\n')`, then run npm. Read as a program, the file it writes is text
// nobody can read, and npm running it asks. But such a script is a list of edits: the new file is the
// old one (the project's own, trusted as its build files are) with literal values put in at literal keys.
// This module reads a script ONLY when every statement is one of those few forms — a parse, a literal
// or copied value put in at a key, a delete, a write, a print — and returns the edits as a JSON
// document of what changed, which the line judge then reads as the file's known text (so a planted
// `postinstall: curl … | sh` is still judged where npm runs it). Anything else — a loop, a function,
// a call it does not know, a value from the environment, argv, another file or a computation on
// strings that could build a command from harmless pieces — and the script is not read (undefined):
// the file stays unknown, as before.

import { posix } from 'node:path';

type Val =
  | { t: 'lit'; v: unknown } // a JSON value written out in the code
  | { t: 'data' } // a value of a project file's old content: inert, trusted as the file is
  | { t: 'text'; parts: (string | 'json' | 'raw')[]; of?: string } // literal pieces and holes (JSON of data, raw data); `of`: the document stringified
  | { t: 'obj'; props: [string, Val][] }
  | { t: 'arr'; items: Val[] }
  | { t: 'doc'; file: string }
  | { t: 'ref'; file: string; path: string[] }
  | { t: 'mod'; name: string }
  | { t: 'fn'; name: string }
  | { t: 'file'; file: string; write: boolean; parts: Val[] }
  | { t: 'alt'; a: Val; b: Val }; // `a || b`, `a ?? b`, `a or b`, `.get(k, b)`: the old value a where it is set, else b

type Tok = ({ k: 'str'; v: string; tpl?: string } | { k: 'num'; v: number } | { k: 'id'; v: string } | { k: 'p'; v: string } | { k: 'nl' }) & { ln?: number; ind?: number };
/** A statement, with the line it starts on and that line's indentation (Python's blocks). */
type Stmt = { toks: Tok[]; ln: number; ind: number };

class Unread extends Error {}
const fail = (why: string): never => { throw new Unread(why); };

const PUNCT = ['??=', '||=', '...', '===', '!==', '==', '!=', '??', '||', '&&', '?.', '**', '<=', '>=', '=>', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '=', '+', '!', '<', '>', '-', '*', '?'];

// The escapes read in a string: each stands for one character in both languages. Any other — an octal one (sloppy
// JavaScript and Python both read '\176' as `~`), \x, \u, \b, \v, a line continuation, Python's unknown escapes that keep
// their backslash — and the script is not read.
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function tokenize(code: string, py: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  // (Each token knows its line and that line's indentation.)
  let seen = 0;
  let ln = 0;
  const at = (t: Tok): Tok => {
    for (; seen < i; seen++) if (code[seen] === '\n') ln++;
    t.ln = ln;
    t.ind = /^[ \t]*/.exec(code.slice(code.lastIndexOf('\n', i - 1) + 1))![0].length;
    return t;
  };
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\n') { out.push({ k: 'nl' }); i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (py ? c === '#' : code.startsWith('//', i)) { while (i < code.length && code[i] !== '\n') i++; continue; }
    if (!py && code.startsWith('/*', i)) { const e = code.indexOf('*/', i + 2); if (e < 0) fail('comment'); i = e + 2; continue; }
    // (Python's prefixed strings: r'…' is plain; f'…' computes, b'…' is bytes — not read.)
    const pre = py ? /^[rR](?=['"])/.exec(code.slice(i, i + 2))?.[0] ?? '' : '';
    const q = code[i + pre.length]!;
    if (q === '"' || q === "'" || (!py && q === '`')) {
      const triple = py && code.startsWith(q.repeat(3), i + pre.length);
      let j = i + pre.length + (triple ? 3 : 1);
      let v = '';
      for (;;) {
        if (j >= code.length) fail('string');
        if (triple ? code.startsWith(q.repeat(3), j) : code[j] === q) break;
        // (In a raw string a backslash keeps the quote after it inside the string: r'\\' #' is one string.)
        if (code[j] === '\\' && pre) fail('raw escape');
        if (code[j] === '\\') {
          const n = code[j + 1] ?? '';
          v += n === '0' && !/\d/.test(code[j + 2] ?? '') ? '\0' : ESCAPES[n] ?? (n === '`' && !py ? n : fail('escape'));
          j += 2;
          continue;
        }
        if (!triple && q !== '`' && code[j] === '\n') fail('string');
        v += code[j];
        j++;
      }
      // (A template literal keeps its ${…} holes for the evaluator.)
      out.push(at(q === '`' ? { k: 'str', v, tpl: v } : { k: 'str', v }));
      i = j + (triple ? 3 : 1);
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(code.slice(i, i + 30));
    if (num) { out.push(at({ k: 'num', v: Number(num[0]) })); i += num[0].length; continue; }
    const id = /^[A-Za-z_$][\w$]*/.exec(code.slice(i, i + 200));
    if (id) { out.push(at({ k: 'id', v: id[0] })); i += id[0].length; continue; }
    const p = PUNCT.find((x) => code.startsWith(x, i));
    if (!p) fail(`character ${c}`);
    out.push(at({ k: 'p', v: p! }));
    i += p!.length;
  }
  return out;
}

// (A line that ends in an operator, or a next line that starts with `.`, continues the statement.)
const CONTINUES = /^(\+|=|\.|,|\|\||\?\?|&&|\?|:|\(|\[|\{)$/;

function statements(toks: Tok[], py: boolean): Stmt[] {
  const out: Stmt[] = [];
  let cur: Tok[] = [];
  let depth = 0;
  const end = () => { if (cur.length) out.push({ toks: cur, ln: cur[0]!.ln ?? 0, ind: cur[0]!.ind ?? 0 }); cur = []; };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === 'p' && '([{'.includes(t.v)) depth++;
    if (t.k === 'p' && ')]}'.includes(t.v)) depth--;
    if (depth < 0) fail('brackets');
    if (depth === 0 && (t.k === 'nl' || (t.k === 'p' && t.v === ';'))) {
      const last = cur[cur.length - 1];
      const next = toks.slice(k + 1).find((x) => x.k !== 'nl');
      if (t.k === 'nl' && last && ((last.k === 'p' && CONTINUES.test(last.v) && !(py && last.v === ':')) || (next?.k === 'p' && next.v === '.'))) continue;
      end();
      continue;
    }
    if (t.k !== 'nl') cur.push(t);
  }
  if (depth !== 0) fail('brackets');
  end();
  return out;
}

export interface JsonEdits {
  /** Files the script parses or reads (their old content is what it copies). */
  reads: string[];
  /** Each file written, with the text the judge should read for it: for a rewritten JSON document, the
   *  keys it set (values copied from the old file left out, they are the file's own); else the text. */
  writes: Map<string, string>;
}

/** The edits a node or python script makes to JSON files, or undefined where any statement is not one of the
 *  forms read here. Paths are as the code writes them (relative to its working directory). */
export function jsonEdits(code: string, lang: string): JsonEdits | undefined {
  const py = lang === 'python';
  if (!py && lang !== 'node') return undefined;
  try {
    return new Reader(py).run(code);
  } catch (e) {
    if (e instanceof Unread) return undefined;
    throw e;
  }
}

type Edit = [string[], Val | 'del'];

// Names the reader gives a meaning of its own: a script that binds one to something else is not read.
const BUILTINS = /^(open|print|len|require|JSON|Object|console|process|undefined)$/;

class Reader {
  private vars = new Map<string, Val>();
  private edits = new Map<string, Edit[]>();
  private reads = new Set<string>();
  private writes = new Map<string, string>();
  /** Who wrote each file last: a handle's writes add to its text; any other write replaces it. */
  private writers = new Map<string, object | undefined>();
  private toks: Tok[] = [];
  private k = 0;
  /** The statement may not run: the body of an if. */
  private cond = false;
  /** The indentation of a Python `if` whose block is open, and the line of a one-line one (`if x: a; b`). */
  private block: number | undefined;
  private ifLine: number | undefined;
  constructor(private readonly py: boolean) {}

  // Each statement is read as if it ran, once, in order. Where that reading could differ from the run — a branch
  // not taken, an exit or a throw before the rest, `??=`, setdefault — the difference is a value the script set
  // and then set again: such a script is not read (a key set twice to different values, a file written twice by
  // different calls, a name bound again in a branch).
  run(code: string): JsonEdits {
    for (const s of statements(tokenize(code, this.py), this.py)) {
      if (this.block !== undefined && s.ind <= this.block) this.block = undefined;
      this.cond = this.block !== undefined || s.ln === this.ifLine;
      this.toks = s.toks; this.k = 0; this.ind = s.ind; this.ln = s.ln;
      this.statement();
    }
    return { reads: [...this.reads], writes: this.writes };
  }
  private ind = 0;
  private ln = 0;

  private bind(name: string, v: Val): void {
    if (this.cond) fail('a name bound in a branch');
    if (BUILTINS.test(name)) fail('a builtin bound');
    this.vars.set(name, v);
  }

  private peek(o = 0): Tok | undefined { return this.toks[this.k + o]; }
  private is(v: string, o = 0): boolean { const t = this.peek(o); return t !== undefined && (t.k === 'p' || t.k === 'id') && t.v === v; }
  private take(v?: string): Tok { const t = this.toks[this.k++] ?? fail('end'); if (v !== undefined && !((t.k === 'p' || t.k === 'id') && t.v === v)) fail(`expected ${v}`); return t; }
  private done(): void { if (this.k !== this.toks.length) fail('trailing'); }

  private statement(): void {
    if (this.peek()?.k === 'str' && this.toks.length === 1) return; // 'use strict', a docstring
    if (this.py && (this.is('import') || this.is('from'))) return this.imports();
    if (!this.py && (this.is('const') || this.is('let') || this.is('var'))) this.take();
    if (!this.py && this.is('import')) return this.imports();
    if (this.py && this.is('with')) {
      // with open(F) as f:  /  with open(F, 'w') as f:  (its block is read as the statements after it)
      this.take();
      const v = this.expr();
      this.take('as');
      const name = this.name();
      this.take(':');
      this.bind(name, v);
      return this.done();
    }
    // (A condition's branch is read as if it ran: if (!p.scripts) p.scripts = {}; / if 'scripts' not in p:)
    if (this.is('if')) {
      this.take();
      if (!this.py) { this.take('('); this.skipTo(')'); } else {
        this.skipTo(':');
        if (this.k === this.toks.length) { this.block = Math.min(this.block ?? this.ind, this.ind); return; }
        this.ifLine = this.ln;
      }
      if (this.is('{')) fail('block');
      this.toks = this.toks.slice(this.k); this.k = 0;
      this.cond = true;
      return this.statement();
    }
    if (this.is('delete') || (this.py && this.is('del'))) {
      this.take();
      const r = this.expr();
      if (r.t !== 'ref') fail('delete');
      this.edit(r as Extract<Val, { t: 'ref' }>, 'del');
      return this.done();
    }
    if (!this.py && this.is('{')) return this.destructure();
    // NAME = EXPR binds a name; a member of a parsed document set (pkg.scripts.lint = '…') is an edit.
    if (this.peek()?.k === 'id' && this.is('=', 1)) {
      const name = this.name();
      this.take();
      this.bind(name, this.expr());
      return this.done();
    }
    const left = this.expr();
    if (this.is('=') || this.is('??=') || this.is('||=')) {
      const op = this.take();
      const right = this.expr();
      this.done();
      if (left.t !== 'ref') fail('assignment');
      // (`??=` and `||=` set the value only where there is none.)
      return this.edit(left as Extract<Val, { t: 'ref' }>, (op as { v: string }).v === '=' ? right : { t: 'alt', a: left, b: right });
    }
    this.done();
  }

  private name(): string { const t = this.take(); if (t.k !== 'id') fail('name'); return (t as { v: string }).v; }

  private skipTo(p: string): void {
    let depth = 0;
    while (this.k < this.toks.length) {
      const t = this.take();
      if (t.k === 'p' && '([{'.includes(t.v)) depth++;
      if (t.k === 'p' && ')]}'.includes(t.v)) { if (depth === 0 && t.v === p) return; depth--; }
      if (depth === 0 && t.k === 'p' && t.v === p) return;
      // (A condition calls nothing: `if (!pkg.scripts)`, `if 'jest' in pkg:`.)
      if (t.k === 'p' && t.v === '(' && this.toks[this.k - 2]?.k === 'id') fail('call in a condition');
    }
    fail(`expected ${p}`);
  }

  private imports(): void {
    // import json, pathlib / from pathlib import Path / (JavaScript) a default import of the fs or path module
    const words = this.toks.map((t) => (t.k === 'str' ? `'${t.v}'` : (t as { v?: unknown }).v)).join(' ');
    const py = /^import ((json|pathlib|sys|os\.path)( , (json|pathlib|sys|os\.path))*)$|^from pathlib import Path$/.exec(words);
    const js = /^import (\w+) from '(node:)?(fs|path)'$/.exec(words);
    if (py) { for (const m of ['json', 'pathlib', 'sys', 'Path']) this.vars.set(m, { t: 'mod', name: m }); return; }
    if (js) { this.bind(js[1]!, { t: 'mod', name: js[3]! }); return; }
    fail('import');
  }

  private destructure(): void {
    // const { readFileSync, writeFileSync } = require('fs')
    this.take('{');
    const names: string[] = [];
    while (!this.is('}')) { names.push(this.name()); if (this.is(',')) this.take(); }
    this.take('}');
    this.take('=');
    const m = this.expr();
    this.done();
    if (m.t !== 'mod' || m.name !== 'fs') fail('destructure');
    for (const n of names) this.bind(n, { t: 'fn', name: `fs.${n}` });
  }

  private edit(r: Extract<Val, { t: 'ref' }>, v: Val | 'del'): void {
    // (Only values read here go into a document: a module, a function or a file handle put there is not understood.)
    if (v !== 'del' && !inert(v)) fail('value');
    const list = this.edits.get(r.file) ?? fail('edit of a document not read');
    // (A value of the document kept where it was — {...pkg.scripts, lint: '…'}, p.jest || {}, [...files, 'dist'] — is the
    // file's own. One copied from another place is text no one read where it now stands, and may be an object: its keys,
    // copied whole into scripts, are commands (pkg.scripts = tpl.scripts), and what the script sets through the copy
    // lands at the source (pkg.tmp = pkg.scripts; pkg.tmp.postinstall = …).)
    const copied = (x: Val, at: string[], spread = false): void => {
      if (x.t === 'ref' && !(x.file === r.file && same(x.path, at))) fail('a value copied from another place');
      if (x.t === 'data' && spread) fail('keys spread from a computed value');
      if (x.t === 'obj') for (const [k, y] of x.props) copied(y, k === '...' ? at : [...at, k], k === '...');
      if (x.t === 'arr') for (const y of x.items) copied(y, at);
      if (x.t === 'alt') { copied(x.a, at); copied(x.b, at); }
    };
    if (v !== 'del') copied(v, r.path);
    list!.push([r.path, v]);
  }

  // expr := term (('+' | '||' | '??' | 'or') term)*
  private expr(): Val {
    let v = this.term();
    for (;;) {
      if (this.is('+')) { this.take(); v = concat(v, this.term()); continue; }
      if (this.is('||') || this.is('??') || (this.py && this.is('or'))) {
        this.take();
        const w = this.term();
        // (The default put in where the old value is missing: what may be written is either.)
        v = v.t === 'ref' || v.t === 'data' ? { t: 'alt', a: v, b: w } : v;
        continue;
      }
      return v;
    }
  }

  private term(): Val {
    if (this.is('!') || (this.py && this.is('not'))) { this.take(); this.term(); return { t: 'data' }; }
    const t = this.take();
    let v: Val;
    if (t.k === 'str') v = t.tpl !== undefined ? this.template(t.tpl) : { t: 'lit', v: t.v };
    else if (t.k === 'num') v = { t: 'lit', v: t.v };
    else if (t.k === 'p' && t.v === '(') { v = this.expr(); this.take(')'); }
    else if (t.k === 'p' && t.v === '[') v = this.array();
    else if (t.k === 'p' && t.v === '{') v = this.object();
    else if (t.k === 'id') {
      const lits: Record<string, unknown> = this.py ? { True: true, False: false, None: null } : { true: true, false: false, null: null, undefined: null };
      if (t.v in lits) v = { t: 'lit', v: lits[t.v] };
      else if (!this.py && t.v === 'require') { this.take('('); const s = this.take(); this.take(')'); v = this.required(s); }
      else if (!this.py && (t.v === 'JSON' || t.v === 'Object' || t.v === 'console' || t.v === 'process')) v = { t: 'mod', name: t.v };
      else if (this.py && (t.v === 'open' || t.v === 'print' || t.v === 'len')) v = { t: 'fn', name: t.v };
      else v = this.vars.get(t.v) ?? fail(`name ${t.v}`);
    } else return fail('term');
    return this.postfix(v!);
  }

  private required(s: Tok): Val {
    if (s.k !== 'str') return fail('require');
    const m = /^(?:node:)?(fs|path)$/.exec((s as { v: string }).v);
    if (m) return { t: 'mod', name: m[1]! };
    if (/^\.{1,2}\/[\w./-]+\.json$/.test((s as { v: string }).v)) return this.doc(posix.normalize((s as { v: string }).v));
    return fail('require');
  }

  // (A file the script wrote before it reads it holds the script's text, not the project's.)
  private read(file: string): void {
    if (this.writes.has(file)) fail('a file read after the script wrote it');
    this.reads.add(file);
  }

  private doc(file: string): Val {
    this.read(file);
    if (!this.edits.has(file)) this.edits.set(file, []);
    return { t: 'doc', file };
  }

  private template(tpl: string): Val {
    const parts: Val[] = [];
    let rest = tpl;
    for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
      parts.push({ t: 'lit', v: rest.slice(0, m.index) });
      const saved = [this.toks, this.k] as const;
      this.toks = statements(tokenize(m[1]!, false), false)[0]?.toks ?? fail('hole');
      this.k = 0;
      parts.push(this.expr());
      this.done();
      [this.toks, this.k] = saved;
      rest = rest.slice(m.index + m[0].length);
    }
    parts.push({ t: 'lit', v: rest });
    return parts.reduce(concat);
  }

  private array(): Val {
    const items: Val[] = [];
    while (!this.is(']')) { items.push(this.is('...') ? (this.take(), this.spread()) : this.expr()); if (this.is(',')) this.take(); else break; }
    this.take(']');
    return { t: 'arr', items };
  }

  private spread(): Val { const v = this.expr(); if (v.t !== 'ref' && v.t !== 'data') fail('spread'); return v; }

  private object(): Val {
    const props: [string, Val][] = [];
    while (!this.is('}')) {
      if (this.is('...')) { this.take(); props.push(['...', this.spread()]); }
      else {
        const key = this.take();
        if (key.k !== 'id' && key.k !== 'str') fail('key');
        this.take(':');
        const k = String((key as { v: unknown }).v);
        if (/^(__proto__|constructor|prototype)$/.test(k)) fail('key');
        props.push([k, this.expr()]);
      }
      if (this.is(',')) this.take(); else break;
    }
    this.take('}');
    return { t: 'obj', props };
  }

  private args(): Val[] {
    const out: Val[] = [];
    while (!this.is(')')) {
      // (Python's keyword arguments — indent=2, encoding='utf-8' — shape the output, not the values; any other — file=,
      // mode=, an encoding that is not UTF-8 — could send or change them.)
      if (this.py && this.peek()?.k === 'id' && this.is('=', 1)) {
        const kw = this.name();
        this.take();
        const v = this.expr();
        if (!/^(indent|sort_keys|ensure_ascii|separators|encoding)$/.test(kw) || (kw === 'encoding' && !utf8(v))) fail(`keyword ${kw}`);
      }
      else out.push(this.expr());
      if (this.is(',')) this.take(); else break;
    }
    this.take(')');
    return out;
  }

  private postfix(v: Val): Val {
    for (;;) {
      if (this.is('.') || this.is('?.')) {
        this.take();
        const name = this.name();
        if (this.is('(')) { this.take('('); v = this.call(v, name, this.args()); continue; }
        v = this.member(v, name);
        continue;
      }
      if (this.is('[')) {
        this.take();
        const key = this.expr();
        this.take(']');
        if (key.t !== 'lit' || (typeof key.v !== 'string' && typeof key.v !== 'number')) fail('computed key');
        v = this.member(v, String((key as { v: unknown }).v));
        continue;
      }
      if (this.is('(')) { this.take(); v = this.call(v, '', this.args()); continue; }
      return v;
    }
  }

  private member(v: Val, name: string): Val {
    // (Keys that reach an object's prototype are never document keys.)
    if (/^(__proto__|constructor|prototype)$/.test(name)) fail('key');
    if (v.t === 'doc') return { t: 'ref', file: v.file, path: [name] };
    if (v.t === 'ref') return { t: 'ref', file: v.file, path: [...v.path, name] };
    if (v.t === 'data') return v;
    if (v.t === 'mod' || v.t === 'fn') return { t: 'fn', name: `${v.name}.${name}` };
    if (v.t === 'lit' && v.v !== null && typeof v.v === 'object' && name in (v.v as object)) return { t: 'lit', v: (v.v as Record<string, unknown>)[name] };
    if (v.t === 'lit' && typeof v.v === 'string' && name === 'length') return { t: 'lit', v: v.v.length };
    return fail('member');
  }

  // The calls read here: parse and write a file, stringify, print, join a list of text, look at keys.
  private call(on: Val, method: string, args: Val[]): Val {
    const fn = method ? ((on.t === 'mod' || on.t === 'fn') ? `${on.name}.${method}` : method) : on.t === 'fn' ? on.name : fail('call');
    const str = (v: Val | undefined): string => (v?.t === 'lit' && typeof v.v === 'string' && /^[\w./@-]+$/.test(v.v) ? posix.normalize(v.v) : fail('path'));
    if (fn === 'fs.readFileSync') { this.read(str(args[0])); return { t: 'file', file: str(args[0]), write: false, parts: [] }; }
    // (Written as UTF-8 text: 'base64' or 'hex' would write bytes other than the text read here.)
    if (fn === 'fs.writeFileSync') { if (args.length > 3 || (args[2] && !utf8(args[2]))) fail('encoding'); this.write(str(args[0]), [args[1] ?? fail('write')]); return { t: 'data' }; }
    if (fn === 'JSON.parse' || fn === 'json.loads' || fn === 'json.load') {
      const f = args[0];
      if (f?.t !== 'file' || f.write) fail('parse');
      return this.doc((f as { file: string }).file);
    }
    if (fn === 'JSON.stringify' || fn === 'json.dumps') return stringify(args[0] ?? fail('stringify'));
    if (fn === 'json.dump') {
      const fh = args[1];
      if (fh?.t !== 'file' || !fh.write) fail('dump');
      (fh as { parts: Val[] }).parts.push(stringify(args[0]!));
      this.write((fh as { file: string }).file, (fh as { parts: Val[] }).parts, fh);
      return { t: 'data' };
    }
    if (fn === 'open') { const mode = args[1]?.t === 'lit' ? String(args[1].v) : args[1] ? fail('mode') : 'r'; if (!/^[rw]t?$/.test(mode) || args.length > 2) fail('mode'); if (mode[0] === 'r') this.read(str(args[0])); return { t: 'file', file: str(args[0]), write: mode[0] === 'w', parts: [] }; }
    if (fn === 'Path' || fn === 'pathlib.Path') return { t: 'file', file: str(args[0]), write: false, parts: [] };
    if (on.t === 'file' && method === 'read_text') { this.read(on.file); return { t: 'file', file: on.file, write: false, parts: [] }; }
    if (on.t === 'file' && method === 'write_text') { this.write(on.file, [args[0] ?? fail('write')]); return { t: 'data' }; }
    if (on.t === 'file' && on.write && method === 'write') { on.parts.push(args[0] ?? fail('write')); this.write(on.file, on.parts, on); return { t: 'data' }; }
    // (Keys and lengths of what the script read, not of argv or the environment.)
    if (/^(Object\.keys|len)$/.test(fn) && !args.every(inert)) fail(fn);
    if (/^(console\.(log|error|info|warn)|print|process\.exit|sys\.exit|Object\.keys|len)$/.test(fn)) return { t: 'data' };
    if (on.t === 'arr' && method === 'join' && args[0]?.t === 'lit' && typeof args[0].v === 'string') {
      const sep = args[0].v;
      return on.items.length ? on.items.reduce((a, b) => concat(concat(a, { t: 'lit', v: sep }), b)) : { t: 'lit', v: '' };
    }
    // (Python's setdefault is the member, put in when missing: p.setdefault('scripts', {})['lint'] = '…'.)
    if (on.t === 'ref' || on.t === 'doc') {
      if (method === 'setdefault' && args[0]?.t === 'lit' && typeof args[0].v === 'string') {
        const r = this.member(on, args[0].v) as Extract<Val, { t: 'ref' }>;
        if (args[1]) this.edit(r, { t: 'alt', a: r, b: args[1] });
        return r;
      }
      if (method === 'pop' && args[0]?.t === 'lit' && typeof args[0].v === 'string') { this.edit(this.member(on, args[0].v) as Extract<Val, { t: 'ref' }>, 'del'); return { t: 'data' }; }
      if (method === 'get' && args[0]?.t === 'lit' && typeof args[0].v === 'string') { const r = this.member(on, args[0].v); return args[1] ? { t: 'alt', a: r, b: args[1] } : r; }
    }
    return fail(`call ${fn}`);
  }

  private write(file: string, parts: Val[], handle?: object): void {
    const text = this.text(file, parts.reduce(concat));
    // (Written again by another call, a file holds one of the two texts — which, only the run knows.)
    if (this.writes.has(file) && (handle === undefined || this.writers.get(file) !== handle) && this.writes.get(file) !== text) fail('written twice');
    this.writes.set(file, text);
    this.writers.set(file, handle);
  }

  private text(file: string, v: Val): string {
    // A document written back whole (JSON.stringify(pkg, null, 2) + '\n'): the keys this script set. (Written to another
    // file, the whole of its old content is new there.)
    if (v.t === 'text' && v.of !== undefined) return v.of === file ? JSON.stringify(build(this.edits.get(v.of) ?? [], v.of)) : fail('a document written to another file');
    // Other text: literal pieces with JSON holes (inert in JSON and JavaScript; in a shell script or a makefile "$(…)"
    // in a JSON string runs) only; raw copied text could be code.
    if (v.t === 'lit' && typeof v.v === 'string') return v.v;
    if (v.t !== 'text' || v.parts.includes('raw')) return fail('text written');
    if (!/\.(json|jsonc|json5|[cm]?[jt]s)$/.test(file)) fail('JSON text in a file that is not JSON or JavaScript');
    return (v as { parts: string[] }).parts.map((p) => (p === 'json' ? 'null' : p)).join('');
  }
}

/** A value the reader followed: literal, or the content of a file the script read (not argv, the environment, a handle). */
function inert(x: Val): boolean {
  if (x.t === 'obj') return x.props.every(([, y]) => inert(y));
  if (x.t === 'arr') return x.items.every(inert);
  if (x.t === 'alt') return inert(x.a) && inert(x.b);
  return x.t === 'lit' || x.t === 'data' || x.t === 'ref' || x.t === 'text' || x.t === 'doc';
}

const utf8 = (v: Val): boolean => (v.t === 'lit' && /^utf-?8$/i.test(String(v.v))) || (v.t === 'obj' && v.props.every(([k, x]) => k === 'encoding' && utf8(x)));
const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

function stringify(v: Val): Val {
  if (!inert(v)) fail('stringify');
  const lit = litOf(v);
  if (lit !== undefined) return { t: 'lit', v: JSON.stringify(lit) };
  return { t: 'text', parts: ['json'], ...(v.t === 'doc' ? { of: v.file } : {}) };
}

/** The JSON value of a fully literal value, or undefined. */
function litOf(v: Val): unknown {
  if (v.t === 'lit') return v.v;
  if (v.t === 'arr') { const xs = v.items.map(litOf); return xs.some((x) => x === undefined) ? undefined : xs; }
  if (v.t === 'obj') { const xs = v.props.map(([k, x]) => [k, litOf(x)] as const); return xs.some(([k, x]) => k === '...' || x === undefined) ? undefined : Object.fromEntries(xs); }
  return undefined;
}

/** Text joined from two values: literal strings and numbers are pieces, data a hole. */
function concat(a: Val, b: Val): Val {
  const parts = (v: Val): (string | 'json' | 'raw')[] => {
    if (v.t === 'lit' && (typeof v.v === 'string' || typeof v.v === 'number')) return [String(v.v)];
    if (v.t === 'text') return v.parts;
    if (v.t === 'data' || v.t === 'ref') return ['raw'];
    return fail('concat');
  };
  const ps = [...parts(a), ...parts(b)];
  if (ps.every((p) => p !== 'json' && p !== 'raw')) return { t: 'lit', v: ps.join('') };
  // (A document's JSON with only white space added is still that document: JSON.stringify(pkg) + '\n'.)
  const blank = (v: Val) => v.t === 'lit' && typeof v.v === 'string' && v.v.trim() === '';
  const of = a.t === 'text' && a.of !== undefined && blank(b) ? a.of : b.t === 'text' && b.of !== undefined && blank(a) ? b.of : undefined;
  return { t: 'text', parts: ps, ...(of !== undefined ? { of } : {}) };
}

/** What changed in a document, as JSON: literal values at their keys; a copied value, and each hole in text, as an
 *  unknown `$RAMPART_DATA`; the old keys kept by a spread (`{...pkg.scripts, lint: '…'}`) left out, they are the file's own. */
function build(edits: Edit[], file: string): unknown {
  const root: Record<string, unknown> = {};
  const put = (path: string[], v: Val): void => {
    if (v.t === 'obj') { for (const [k, x] of v.props) if (k !== '...') put([...path, k], x); return; }
    // (A value put back where it was — p.jest = p.jest || {}, p['scripts'] = p.get('scripts', {}) — is the default or
    // nothing; a value that may be another place's is a copy.)
    const self = (x: Val): boolean => x.t === 'ref' && x.file === file && same(x.path, path);
    if (self(v)) return;
    if (v.t === 'alt') return put(path, self(v.a) ? v.b : { t: 'data' });
    // (An array with copied items is the file's own data and the literals beside them: the literals are judged.)
    // (A value copied from elsewhere in the file — pkg.scripts.postinstall = pkg.description — is text no one read where it
    // now stands: an unknown `$RAMPART_DATA`.)
    const value = litOf(v) ?? (v.t === 'text' ? v.parts.map((p) => (p === 'json' || p === 'raw' ? '$RAMPART_DATA' : p)).join('') : v.t === 'arr' ? v.items.map((x) => litOf(x) ?? '$RAMPART_DATA') : '$RAMPART_DATA');
    // (Set twice to different values, or set inside a value that is not an object here — a copy, pkg.tmp = pkg.scripts —
    // a key holds what only the run knows.)
    let o = root;
    for (const k of path.slice(0, -1)) {
      if (!Object.hasOwn(o, k)) o[k] = {};
      const x = o[k];
      if (typeof x !== 'object' || x === null || Array.isArray(x)) fail('a value set inside another');
      o = x as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (Object.hasOwn(o, last) && JSON.stringify(o[last]) !== JSON.stringify(value)) fail('a key set twice');
    o[last] = value;
  };
  for (const [path, v] of edits) {
    if (v === 'del') continue;
    put(path, v);
  }
  return root;
}
