// What a simple command does to the variables we know: assignments set them; eval, read, unset and
// function calls make them unknown.
import { expandBraces } from './split.js';
import { parseShell } from './parse.js';
import { printfText } from '../line/printf.js';
import { printsOneField } from './split-fields.js';
import type { Assignment, Command, FunctionDefinition, Script, Word } from './types.js';

/** The words from the builtin that runs: `command read x`, `builtin -p eval …` are read and eval. */
function pastCommandBuiltin(words: Word[]): Word[] {
  let out = words;
  while (out[0]?.static && /^(command|builtin)$/.test(out[0].value)) out = out.slice(1).filter((w, i) => i > 0 || !/^-[pvV]+$/.test(w.value));
  return out;
}

/** Known variables: a string when its value is certain, null when assigned but unknowable here. */
export type Env = Map<string, string | null>;

const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const READERS = new Set(['read', 'readarray', 'mapfile', 'getopts']);
/** Commands that can assign arbitrary variables: afterwards nothing is known. */
const OPAQUE = new Set(['eval', 'source', '.']);

/**
 * A variable the line assigned text with parts only known at run time — out="web-$(git rev-parse --short HEAD).zip",
 * d=build-$sha — is kept as that text, marked so it is never taken for a known value: "$out" is then judged as the
 * line would be with the text written in its place (a file below the project), not as a name that could be anything.
 */
const SHAPE = '\u0007';
/** The text a marked value stands for; undefined for a known value or none. */
export const shapeOf = (v: string | null | undefined): string | undefined => (typeof v === 'string' && v.startsWith(SHAPE) ? v.slice(1) : undefined);
/** A value known for certain (not a shape, not one field). */
export const knownValue = (v: string | null | undefined): string | undefined => (typeof v === 'string' && !v.startsWith(SHAPE) && v !== ONE_FIELD ? v : undefined);
/** A value unknown but one field: what a substitution that prints one printed (sha=$(git rev-parse --short HEAD)). */
export const ONE_FIELD = '\u0006';
const oneFieldFor = (w: Word): string | null => {
  const parts = w.parts.filter((p) => !(p.kind === 'literal' && p.text === ''));
  return parts.length === 1 && parts[0]!.kind === 'command-sub' && printsOneField(parts[0]!.script) ? ONE_FIELD : null;
};
/** The shape of an assigned word with unknown parts: only one that starts with its own literal text (not $x…, `…`). */
const shapeFor = (w: Word): string | null => (!w.static && /^[^$`]/.test(w.value) && !w.value.includes(SHAPE) ? SHAPE + w.value : null);

/** Set once a command may have assigned variables nobody can name (eval, source, a function call,
 *  declare with computed words): a variable not known before may be set now. */
export const ANY = '\0any';

/** Updates `env` for a simple command that has run with these (resolved) assignments and argv. */
export function applyEffects(env: Env, assignments: Assignment[], words0: Word[], functions: FunctionWrites, posix = false): void {
  const words = pastCommandBuiltin(words0);
  const head = words[0];
  // In posix mode (sh, set -o posix) a prefix on a special builtin (`D=/ :`) stays set.
  if (posix && head?.static && head.value === ':') for (const a of assignments) env.set(a.name, a.value.static && !a.append ? a.value.value : null).set(`${a.name}[@]`, null);
  const name = head?.static ? head.value : null;
  if (!head || (name && DECLARATIONS.has(name))) {
    for (const a of assignments) {
      if (a.scope === 'prefix' && head) continue;
      const prev = env.get(a.name);
      const known = a.value.static && (!a.append || knownValue(prev) !== undefined);
      const temp = !a.append ? mktempValue(a.value) : undefined;
      // name=(a b c) with literal elements: the array (its first element is $name).
      const arr = a.value.parts.length === 1 && a.value.parts[0]!.kind === 'array' ? a.value.parts[0]! : undefined;
      // (Elements are brace-expanded as bash does: (refs/heads/{main,dev}) is two.)
      const els = arr ? arr.elements.flatMap(expandBraces) : [];
      if (arr && !a.append && els.every((e) => e.static && !e.value.includes('\n'))) {
        env.set(`${a.name}[@]`, els.map((e) => e.value).join('\n'));
        env.set(a.name, els[0]?.value ?? '');
        continue;
      }
      env.set(`${a.name}[@]`, null);
      env.set(a.name, temp ?? (known ? (a.append ? prev : '') + a.value.value : a.append ? null : shapeFor(a.value) ?? oneFieldFor(a.value)));
    }
    const nameref = !!name && words.some((w, i) => i > 0 && /^-[a-zA-Z]*n/.test(w.value));
    if (nameref) clear(env); // declare -n: a nameref
    // Assignments given as words (export "OUT=$HOME", declare "$k=$v", export $(…)): a known name
    // takes the word's value when it is known; a computed one may set anything.
    if (name && !nameref) for (const w of words.slice(1)) {
      if (w.value.startsWith('-')) continue;
      const m = /^([A-Za-z_]\w*)(\+?)=/.exec(w.value);
      if (m && w.static) env.set(m[1]!, m[2] ? null : w.value.slice(m[0].length));
      else if (m && /^[A-Za-z_]\w*\+?=/.test(w.raw.replace(/^["']/, ''))) env.set(m[1]!, null);
      else if (!w.static) clear(env);
    }
  } else if (name !== null && functions.has(name) && functions.get(name) !== null) {
    // A function call: what its body may assign is no longer known (log() { printf …; } assigns nothing).
    for (const v of functions.get(name)!) env.set(v, null).set(`${v}[@]`, null);
  } else if (name === null || OPAQUE.has(name) || functions.has(name) || (name === 'let' && letComputes(words))) {
    clear(env);
  } else if (name === 'let') {
    for (const n of letWrites(words)) env.set(n, null).set(`${n}[@]`, null);
  } else if (name === 'unset' || READERS.has(name)) {
    // (NAME or NAME[i]: either way the variable is no longer known.)
    for (const w of words.slice(1)) {
      const m = /^([A-Za-z_]\w*)(?:\[[^\]]*\])?$/.exec(w.value);
      if (m) env.set(m[1]!, null).set(`${m[1]}[@]`, null);
    }
    if (READERS.has(name) && words.slice(1).some((w) => !w.static)) clear(env);
  } else if (name === 'trap') {
    // A trap's text runs later — before every command, for DEBUG — in this shell: one that may set variables
    // (trap 'c=rm' DEBUG) leaves none known. (trap 'rm -rf "$tmp"' EXIT sets none.)
    // (An EXIT trap runs after every command of the line: it changes nothing they see.)
    const [body, ...signals] = words.slice(1).filter((w) => !/^-/.test(w.value));
    if (body && !(signals.length > 0 && signals.every((w) => w.static && /^(EXIT|0|SIGEXIT)$/i.test(w.value)))) {
      if (!body.static || /(^|[\s;&|(])(read|mapfile|readarray|eval|source|\.|declare|typeset|local|printf|let|getopts)\s/.test(body.value)) clear(env);
      else for (const m of body.value.matchAll(/(?:^|[\s;&|(])(?:unset\s+|export\s+)?([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=?/g)) if (/=|unset|export/.test(m[0])) env.set(m[1]!, null).set(`${m[1]}[@]`, null);
    }
  } else if (name === 'printf') {
    const v = words.findIndex((w) => w.value === '-v');
    // printf -v NAME FORMAT ARGS of literal words (no ~ or glob left to expand): NAME holds that text.
    const args = words.slice(v > 0 ? v + 2 : 2);
    const text = args.length && args.every((w) => w.static && !w.tilde && !w.glob) && !/%\(/.test(args.find((w) => w.value !== '--')?.value ?? '') ? printfText(args.map((w) => w.value)) : undefined;
    const target = (t: Word | undefined) => {
      if (!t) return;
      const m = t.static ? /^([A-Za-z_]\w*)(\[[^\]]*\])?$/.exec(t.value) : null;
      if (m) env.set(m[1]!, m[2] === undefined && text !== undefined && !text.includes('\n') ? text : null).set(`${m[1]}[@]`, null);
      else clear(env);
    };
    if (v > 0) target(words[v + 1]);
    for (const w of words) if (/^-v./.test(w.value)) target({ ...w, value: w.value.slice(2) });
  }
}

/**
 * `$(mktemp …)` makes a fresh name below /tmp unless told to use another directory: for the judge
 * the variable is a new path there (`d=$(mktemp -d) … rm -rf "$d"` stays allowed; a name made in
 * HOME is a name in HOME).
 */
export function mktempValue(w: Word): string | undefined {
  // (Quoted or not: tmp="$(mktemp -d)" is the same capture.)
  const parts = w.parts.filter((p) => !(p.kind === 'literal' && p.text === ''));
  const sub = parts.length === 1 && parts[0]!.kind === 'command-sub' ? parts[0] : undefined;
  if (!sub) return undefined;
  const body = sub.script.body;
  const cmd = body.length === 1 && body[0]!.pipelines.length === 1 && body[0]!.pipelines[0]!.commands.length === 1 ? body[0]!.pipelines[0]!.commands[0]! : undefined;
  if (!cmd || cmd.kind !== 'simple' || cmd.assignments.length || cmd.redirects.some((r) => r.op !== '>')) return undefined;
  const argv = cmd.words.map(templateText);
  if (argv[0] !== 'mktemp' || argv.some((a) => a === undefined)) return undefined;
  // The directory it is told to use (-p/--tmpdir DIR; a template with a slash names its own:
  // /tmp/build.XXXX, build/tmp.XXXX), or /tmp; the template's X's are what it fills in.
  const args = argv.slice(1) as string[];
  let dir: string | undefined;
  let template: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-p' || a === '--tmpdir') dir = a === '-p' || (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') && args[i + 1]!.includes('/')) ? args[++i] : '/tmp';
    else if (/^--tmpdir=|^-p./.test(a)) dir = a.replace(/^--tmpdir=|^-p/, '');
    else if (!a.startsWith('-')) template = a;
  }
  if (dir === '') dir = '/tmp';
  if (dir !== undefined && (dir.includes('$') || dir.startsWith('~'))) return undefined;
  const name = (template ?? 'tmp.XXXXXXXXXX').replace(/X{3,}$/, 'rampart-mktemp').replace(/X{3,}/, 'rampart-mktemp');
  if (name.includes('/')) return dir === undefined ? name : undefined;
  return `${(dir ?? '/tmp').replace(/\/+$/, '') || '/'}/${name}`;
}

/**
 * A mktemp word's text: static, or a temp directory by its variable ($TMPDIR, ${RUNNER_TEMP}, ${TMPDIR:-/tmp} — each
 * a temp dir wherever it points, judged as /tmp) followed by literal text; otherwise undefined.
 */
function templateText(w: Word): string | undefined {
  if (w.static) return w.value;
  let out = '';
  for (const p of w.parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'param' && /^(TMPDIR|TMP|TEMP|TEMPDIR|RUNNER_TEMP|XDG_RUNTIME_DIR)$/.test(p.name) && !p.indirect && !p.length && (p.op === undefined || ((p.op === ':-' || p.op === '-') && p.arg?.static && /^\/(tmp|var\/tmp)(\/|$)/.test(p.arg.value)))) out += '/tmp';
    else return undefined;
  }
  return out;
}

/** Variables that differ in `child` become unknown in `env`. */
export function forget(env: Env, child: Env): void {
  for (const [k, v] of child) if (env.get(k) !== v || !env.has(k)) env.set(k, null);
}

/** Every known variable becomes unknown. */
export function clear(env: Env): void {
  for (const k of env.keys()) env.set(k, null);
  env.set(ANY, null);
}

/** The variables a function may assign when called: their names, or null when that cannot be read
 *  (eval or source in it, a computed command word, a declaration of computed names, a nested definition). */
export type FunctionWrites = Map<string, Set<string> | null>;

/** What each function the script defines may assign in the caller's shell, calls of other functions followed. */
export function functionWrites(script: Script): FunctionWrites {
  const direct = new Map<string, { names: Set<string>; locals: Set<string>; opaque: boolean; calls: Set<string> }>();
  const defs: FunctionDefinition[] = [];
  // Aliases (alias n='…') act as functions of their text; functions defined by a literal eval count as defined.
  const aliases = new Map<string, Script>();
  const findDefs = (s: Script): void => walkScript(s, (c) => {
    if (c.kind === 'function') defs.push(c);
    if (c.kind !== 'simple' || !c.words.every((w) => w.static)) return;
    const [head, ...rest] = c.words.map((w) => w.value);
    if (head === 'eval') {
      const inner = parseShell(rest.join(' '));
      if (inner.ok) findDefs(inner.script);
    }
    if (head === 'alias') for (const r of rest) {
      const m = /^([^=\s]+)=(.*)$/s.exec(r);
      const inner = m ? parseShell(m[2]!) : undefined;
      if (m && inner?.ok) aliases.set(m[1]!, inner.script);
    }
  });
  findDefs(script);
  const defined = new Set([...defs.map((d) => d.name), ...aliases.keys()]);
  for (const d of defs) {
    // (A name defined twice: which body runs depends on the order — not read.)
    if (direct.has(d.name)) {
      direct.get(d.name)!.opaque = true;
      continue;
    }
    const acc = { names: new Set<string>(), locals: new Set<string>(), opaque: false, calls: new Set<string>() };
    direct.set(d.name, acc);
    walkCommand(d.body, (c) => bodyEffects(c, acc, defined));
  }
  for (const [name, text] of aliases) {
    const acc = { names: new Set<string>(), locals: new Set<string>(), opaque: direct.has(name), calls: new Set<string>() };
    walkScript(text, (c) => bodyEffects(c, acc, defined));
    direct.set(name, acc);
  }
  const out: FunctionWrites = new Map();
  for (const name of direct.keys()) {
    const names = new Set<string>();
    const seen = new Set<string>();
    const todo = [name];
    let opaque = false;
    while (todo.length && !opaque) {
      const n = todo.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      const e = direct.get(n)!;
      opaque ||= e.opaque;
      for (const v of e.names) names.add(v);
      todo.push(...e.calls);
    }
    out.set(name, opaque ? null : names);
  }
  return out;
}

/** Names a word assigns as it expands: ${x:=v}, ${x=v}, $(( x = 1 )), $(( i++ )). */
function wordWrites(w: Word, names: Set<string>): void {
  for (const p of w.parts) {
    if (p.kind === 'param' && p.op !== undefined && /^:?=$/.test(p.op)) names.add(p.name);
    if (p.kind === 'param' && p.arg) wordWrites(p.arg, names);
    if (p.kind === 'arith') arithWrites(p.raw, names);
  }
}

/** `let` whose assigned name is itself computed (let "$x=1"): it may set any variable. */
function letComputes(words: Word[]): boolean {
  return words.slice(1).some((w) => /\$\{?\w+\}?\s*(?:\[[^\]]*\])?\s*(?:[-+*/%&|^]|<<|>>)?=(?!=)|\$\(/.test(w.raw));
}

/** The names `let EXPR…` assigns. */
function letWrites(words: Word[]): Set<string> {
  const names = new Set<string>();
  for (const w of words.slice(1)) arithWrites(w.raw, names);
  return names;
}

/** Names `(( … ))`, `let` or `$(( … ))` text assigns (x = 1, x += 2, i++, --i). */
export function arithWrites(text: string, names: Set<string>): void {
  for (const m of text.matchAll(/([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*(?:[-+*/%&|^]|<<|>>)?=(?!=)|(?:\+\+|--)\s*([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*(?:\+\+|--)/g)) names.add((m[1] ?? m[2] ?? m[3])!);
}

function bodyEffects(c: Command, acc: { names: Set<string>; locals: Set<string>; opaque: boolean; calls: Set<string> }, defined: ReadonlySet<string>): void {
  switch (c.kind) {
    case 'function':
      acc.opaque = true;
      return;
    case 'for':
      acc.names.add(c.variable);
      if (c.arithmetic) {
        wordWrites(c.arithmetic, acc.names);
        arithWrites(wordRaw(c.arithmetic), acc.names);
      }
      for (const w of c.items ?? []) wordWrites(w, acc.names);
      return;
    case 'arith':
      wordWrites(c.expression, acc.names);
      arithWrites(wordRaw(c.expression), acc.names);
      return;
    case 'case':
      wordWrites(c.subject, acc.names);
      return;
    case 'simple':
      break;
    default:
      return;
  }
  // (A name the body made local — `local D=x`, `declare D` — is its own; a write before that is the caller's.)
  const add = (n: string) => {
    if (!acc.locals.has(n)) acc.names.add(n);
  };
  const words = pastCommandBuiltin(c.words);
  const head = words[0];
  const declares = head?.static && /^(local|declare|typeset)$/.test(head.value) && !words.slice(1).some((w) => /^-[a-zA-Z]*g/.test(w.value));
  for (const a of c.assignments) {
    wordWrites(a.value, acc.names);
    if (a.scope === 'declaration' && declares) acc.locals.add(a.name);
    // (A prefix on `:` persists in posix mode: counted as assigned.)
    else if (a.scope !== 'prefix' || c.words.length === 0 || (head?.static && head.value === ':')) add(a.name);
  }
  for (const w of c.words) wordWrites(w, acc.names);
  for (const r of c.redirects) wordWrites(r.target, acc.names);
  if (!head) return;
  if (!head.static) {
    acc.opaque = true;
    return;
  }
  const name = head.value;
  const rest = words.slice(1);
  // (A trap set in the body runs text later, in the caller's shell: not read here.)
  if (name === 'let') {
    if (letComputes(words)) acc.opaque = true;
    else for (const n of letWrites(words)) add(n);
  } else if (OPAQUE.has(name) || name === 'trap' || name === 'enable' || name === 'alias' || name === 'shopt') acc.opaque = true;
  else if (defined.has(name)) acc.calls.add(name);
  else if (DECLARATIONS.has(name) || name === 'unset' || READERS.has(name) || name === 'printf') {
    if (DECLARATIONS.has(name) && rest.some((w) => /^-[a-zA-Z]*n/.test(w.value))) acc.opaque = true;
    const global = name === 'export' || name === 'readonly' || (DECLARATIONS.has(name) && rest.some((w) => /^-[a-zA-Z]*g/.test(w.value)));
    const local = !global && (name === 'local' || name === 'declare' || name === 'typeset');
    rest.forEach((w, i) => {
      const prev = rest[i - 1]?.value;
      // printf writes only -v NAME; its other words are its format and arguments.
      if (name === 'printf' && prev !== '-v' && !w.value.startsWith('-v')) return;
      if (!w.static) {
        acc.opaque = true;
        return;
      }
      // (NAME, NAME=…, NAME[i]=…, -vNAME: subscripts write the array.)
      const m = /^(?:-v)?([A-Za-z_]\w*)(?:\[[^\]]*\])?(?:\+?=|$)/.exec(w.value);
      if (!m || (w.value.startsWith('-') && !(name === 'printf' && w.value.startsWith('-v')))) return;
      if (local) acc.locals.add(m[1]!);
      else acc.names.add(m[1]!);
    });
  }
}

function wordRaw(w: Word): string {
  return w.parts.map((p) => ('raw' in p ? p.raw : 'text' in p ? p.text : '')).join('');
}

/** Names the script's loops (for, select), arithmetic commands (also let) and namerefs assign, at any depth
 *  outside substitutions: what they hold at the end is not a literal the line wrote. */
export function compoundWrites(script: Script): Set<string> {
  const names = new Set<string>();
  walkScript(script, (c) => {
    if (c.kind === 'for') {
      if (c.variable) names.add(c.variable);
      if (c.arithmetic) arithWrites(wordRaw(c.arithmetic), names);
    }
    if (c.kind === 'arith') arithWrites(wordRaw(c.expression), names);
    const words = c.kind === 'simple' ? pastCommandBuiltin(c.words) : [];
    if (words[0]?.static && words[0].value === 'let') for (const n of letWrites(words)) names.add(n);
    if (words[0]?.static && DECLARATIONS.has(words[0].value) && words.some((w) => /^-[a-zA-Z]*n/.test(w.value))) {
      for (const w of words.slice(1)) {
        const m = /^([A-Za-z_]\w*)/.exec(w.value);
        if (m && !w.value.startsWith('-')) names.add(m[1]!);
      }
    }
  });
  return names;
}

/** Calls `f` for every command of the script at any depth of compound commands (not inside substitutions). */
function walkScript(s: Script, f: (c: Command) => void): void {
  for (const item of s.body) for (const p of item.pipelines) for (const c of p.commands) walkCommand(c, f);
}

function walkCommand(c: Command, f: (c: Command) => void): void {
  f(c);
  switch (c.kind) {
    case 'subshell':
    case 'group':
      return walkScript(c.body, f);
    case 'if':
      for (const cl of c.clauses) {
        walkScript(cl.condition, f);
        walkScript(cl.body, f);
      }
      if (c.elseBody) walkScript(c.elseBody, f);
      return;
    case 'while':
    case 'until':
      walkScript(c.condition, f);
      return walkScript(c.body, f);
    case 'for':
      return walkScript(c.body, f);
    case 'case':
      for (const it of c.items) walkScript(it.body, f);
      return;
    case 'function':
      return walkCommand(c.body, f);
    default:
      return;
  }
}
