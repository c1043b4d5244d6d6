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
  | { t: 'file'; file: string; write: boolean; parts: Val[] };

type Tok = { k: 'str'; v: string; tpl?: string } | { k: 'num'; v: number } | { k: 'id'; v: string } | { k: 'p'; v: string } | { k: 'nl' };

class Unread extends Error {}
const fail = (why: string): never => { throw new Unread(why); };

const PUNCT = ['??=', '||=', '...', '===', '!==', '==', '!=', '??', '||', '&&', '?.', '**', '<=', '>=', '=>', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '=', '+', '!', '<', '>', '-', '*', '?'];

function tokenize(code: string, py: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
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
        if (code[j] === '\\' && !pre) {
          const n = code[j + 1] ?? '';
          v += ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[n] ?? (/[xuUN]/.test(n) ? fail('escape') : n);
          j += 2;
          continue;
        }
        if (!triple && q !== '`' && code[j] === '\n') fail('string');
        v += code[j];
        j++;
      }
      // (A template literal keeps its ${…} holes for the evaluator.)
      out.push(q === '`' ? { k: 'str', v, tpl: v } : { k: 'str', v });
      i = j + (triple ? 3 : 1);
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(code.slice(i, i + 30));
    if (num) { out.push({ k: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_$][\w$]*/.exec(code.slice(i, i + 200));
    if (id) { out.push({ k: 'id', v: id[0] }); i += id[0].length; continue; }
    const p = PUNCT.find((x) => code.startsWith(x, i));
    if (!p) fail(`character ${c}`);
    out.push({ k: 'p', v: p! });
    i += p!.length;
  }
  return out;
}

// (A line that ends in an operator, or a next line that starts with `.`, continues the statement.)
const CONTINUES = /^(\+|=|\.|,|\|\||\?\?|&&|\?|:|\(|\[|\{)$/;

function statements(toks: Tok[], py: boolean): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  const end = () => { if (cur.length) out.push(cur); cur = []; };
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

class Reader {
  private vars = new Map<string, Val>();
  private edits = new Map<string, [string[], Val | 'del'][]>();
  private reads = new Set<string>();
  private writes = new Map<string, string>();
  private toks: Tok[] = [];
  private k = 0;
  constructor(private readonly py: boolean) {}

  run(code: string): JsonEdits {
    for (const s of statements(tokenize(code, this.py), this.py)) { this.toks = s; this.k = 0; this.statement(); }
    return { reads: [...this.reads], writes: this.writes };
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
      this.vars.set(name, v);
      return this.done();
    }
    // (A condition's branch is read as if it ran: if (!p.scripts) p.scripts = {}; / if 'scripts' not in p:)
    if (this.is('if')) {
      this.take();
      if (!this.py) { this.take('('); this.skipTo(')'); } else { this.skipTo(':'); if (this.k === this.toks.length) return; }
      if (this.is('{')) fail('block');
      this.toks = this.toks.slice(this.k); this.k = 0;
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
      this.vars.set(name, this.expr());
      return this.done();
    }
    const left = this.expr();
    if (this.is('=') || this.is('??=') || this.is('||=')) {
      this.take();
      const right = this.expr();
      this.done();
      if (left.t !== 'ref') fail('assignment');
      return this.edit(left as Extract<Val, { t: 'ref' }>, right);
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
    // import json, pathlib / from pathlib import Path / import fs from 'node:fs'
    const words = this.toks.map((t) => (t.k === 'str' ? `'${t.v}'` : (t as { v?: unknown }).v)).join(' ');
    const py = /^import ((json|pathlib|sys|os\.path)( , (json|pathlib|sys|os\.path))*)$|^from pathlib import Path$/.exec(words);
    const js = /^import (\w+) from '(node:)?(fs|path)'$/.exec(words);
    if (py) { for (const m of ['json', 'pathlib', 'sys', 'Path']) this.vars.set(m, { t: 'mod', name: m }); return; }
    if (js) { this.vars.set(js[1]!, { t: 'mod', name: js[3]! }); return; }
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
    for (const n of names) this.vars.set(n, { t: 'fn', name: `fs.${n}` });
  }

  private edit(r: Extract<Val, { t: 'ref' }>, v: Val | 'del'): void {
    // (Only values read here go into a document: a module, a function or a file handle put there is not understood.)
    const known = (x: Val): boolean => x.t === 'lit' || x.t === 'data' || x.t === 'ref' || x.t === 'text' || (x.t === 'obj' && x.props.every(([, y]) => known(y))) || (x.t === 'arr' && x.items.every(known));
    if (v !== 'del' && !known(v)) fail('value');
    const list = this.edits.get(r.file) ?? fail('edit of a document not read');
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
        // (The default put in where the old value is missing: what may be written is the default.)
        v = v.t === 'ref' || v.t === 'data' ? w : v;
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
    if (/^\.{1,2}\/[\w./-]+\.json$/.test((s as { v: string }).v)) return this.doc((s as { v: string }).v);
    return fail('require');
  }

  private doc(file: string): Val {
    this.reads.add(file);
    if (!this.edits.has(file)) this.edits.set(file, []);
    return { t: 'doc', file };
  }

  private template(tpl: string): Val {
    const parts: Val[] = [];
    let rest = tpl;
    for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
      parts.push({ t: 'lit', v: rest.slice(0, m.index) });
      const saved = [this.toks, this.k] as const;
      this.toks = statements(tokenize(m[1]!, false), false)[0] ?? fail('hole');
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

  private spread(): Val { const v = this.expr(); if (v.t !== 'ref' && v.t !== 'data') fail('spread'); return { t: 'data' }; }

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
      // (Python's keyword arguments — indent=2, encoding='utf-8' — shape the output, not the values.)
      if (this.py && this.peek()?.k === 'id' && this.is('=', 1)) { this.take(); this.take(); this.expr(); }
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
    const str = (v: Val | undefined): string => (v?.t === 'lit' && typeof v.v === 'string' && /^[\w./@-]+$/.test(v.v) ? v.v : fail('path'));
    if (fn === 'fs.readFileSync') { this.reads.add(str(args[0])); return { t: 'file', file: str(args[0]), write: false, parts: [] }; }
    if (fn === 'fs.writeFileSync') { this.write(str(args[0]), [args[1] ?? fail('write')]); return { t: 'data' }; }
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
      this.write((fh as { file: string }).file, (fh as { parts: Val[] }).parts);
      return { t: 'data' };
    }
    if (fn === 'open') { const mode = args[1]?.t === 'lit' ? String(args[1].v) : args[1] ? fail('mode') : 'r'; if (!/^[rw]t?$/.test(mode)) fail('mode'); if (mode[0] === 'r') this.reads.add(str(args[0])); return { t: 'file', file: str(args[0]), write: mode[0] === 'w', parts: [] }; }
    if (fn === 'Path' || fn === 'pathlib.Path') return { t: 'file', file: str(args[0]), write: false, parts: [] };
    if (on.t === 'file' && method === 'read_text') { this.reads.add(on.file); return { t: 'file', file: on.file, write: false, parts: [] }; }
    if (on.t === 'file' && method === 'write_text') { this.write(on.file, [args[0] ?? fail('write')]); return { t: 'data' }; }
    if (on.t === 'file' && on.write && method === 'write') { on.parts.push(args[0] ?? fail('write')); this.write(on.file, on.parts); return { t: 'data' }; }
    if (/^(console\.(log|error|info|warn)|print|process\.exit|sys\.exit|Object\.keys|len)$/.test(fn)) return { t: 'data' };
    if (on.t === 'arr' && method === 'join' && args[0]?.t === 'lit' && typeof args[0].v === 'string') {
      const sep = args[0].v;
      return on.items.length ? on.items.reduce((a, b) => concat(concat(a, { t: 'lit', v: sep }), b)) : { t: 'lit', v: '' };
    }
    // (Python's setdefault is the member, put in when missing: p.setdefault('scripts', {})['lint'] = '…'.)
    if (on.t === 'ref' || on.t === 'doc') {
      if (method === 'setdefault' && args[0]?.t === 'lit' && typeof args[0].v === 'string') {
        const r = this.member(on, args[0].v) as Extract<Val, { t: 'ref' }>;
        if (args[1]) this.edit(r, args[1]);
        return r;
      }
      if (method === 'pop' && args[0]?.t === 'lit' && typeof args[0].v === 'string') { this.edit(this.member(on, args[0].v) as Extract<Val, { t: 'ref' }>, 'del'); return { t: 'data' }; }
      if (method === 'get' && args[0]?.t === 'lit' && typeof args[0].v === 'string') return this.member(on, args[0].v);
    }
    return fail(`call ${fn}`);
  }

  private write(file: string, parts: Val[]): void {
    const v = parts.reduce(concat);
    // A document written back whole (JSON.stringify(pkg, null, 2) + '\n'): the keys this script set.
    if (v.t === 'text' && v.of !== undefined) { this.writes.set(file, JSON.stringify(build(this.edits.get(v.of) ?? []))); return; }
    // Other text: literal pieces with JSON holes (inert) only; raw copied text could be code.
    if (v.t === 'lit' && typeof v.v === 'string') { this.writes.set(file, v.v); return; }
    if (v.t !== 'text' || v.parts.includes('raw')) fail('text written');
    this.writes.set(file, (v as { parts: string[] }).parts.map((p) => (p === 'json' ? 'null' : p)).join(''));
  }
}

function stringify(v: Val): Val {
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
function build(edits: [string[], Val | 'del'][]): unknown {
  const root: Record<string, unknown> = {};
  const put = (path: string[], v: Val): void => {
    if (v.t === 'obj') { for (const [k, x] of v.props) if (k !== '...') put([...path, k], x); return; }
    // (An array with copied items is the file's own data and the literals beside them: the literals are judged.)
    // (A value copied from elsewhere in the file — pkg.scripts.postinstall = pkg.description — is text no one read where it
    // now stands: an unknown `$RAMPART_DATA`.)
    const value = litOf(v) ?? (v.t === 'text' ? v.parts.map((p) => (p === 'json' || p === 'raw' ? '$RAMPART_DATA' : p)).join('') : v.t === 'arr' ? v.items.map((x) => litOf(x) ?? '$RAMPART_DATA') : '$RAMPART_DATA');
    let o = root;
    for (const k of path.slice(0, -1)) o = (o[k] = typeof o[k] === 'object' && o[k] !== null ? o[k] : {}) as Record<string, unknown>;
    o[path[path.length - 1]!] = value;
  };
  for (const [path, v] of edits) {
    if (v === 'del') continue;
    put(path, v);
  }
  return root;
}
