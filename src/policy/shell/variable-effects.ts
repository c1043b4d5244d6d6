// What a simple command does to the variables we know: assignments set them; eval, read, unset and
// function calls make them unknown.
import { expandBraces } from './split.js';
import type { Assignment, Word } from './types.js';

/** Known variables: a string when its value is certain, null when assigned but unknowable here. */
export type Env = Map<string, string | null>;

const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const READERS = new Set(['read', 'readarray', 'mapfile', 'getopts']);
/** Commands that can assign arbitrary variables: afterwards nothing is known. */
const OPAQUE = new Set(['eval', 'source', '.', 'let']);

/** Set once a command may have assigned variables nobody can name (eval, source, a function call,
 *  declare with computed words): a variable not known before may be set now. */
export const ANY = '\0any';

/** Updates `env` for a simple command that has run with these (resolved) assignments and argv. */
export function applyEffects(env: Env, assignments: Assignment[], words: Word[], functions: Set<string>): void {
  const head = words[0];
  const name = head?.static ? head.value : null;
  if (!head || (name && DECLARATIONS.has(name))) {
    for (const a of assignments) {
      if (a.scope === 'prefix' && head) continue;
      const prev = env.get(a.name);
      const known = a.value.static && (!a.append || typeof prev === 'string');
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
      env.set(a.name, temp ?? (known ? (a.append ? prev : '') + a.value.value : null));
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
  } else if (name === null || OPAQUE.has(name) || functions.has(name)) {
    clear(env);
  } else if (name === 'unset' || READERS.has(name)) {
    for (const w of words.slice(1)) if (/^[A-Za-z_]\w*$/.test(w.value)) env.set(w.value, null).set(`${w.value}[@]`, null);
    if (READERS.has(name) && words.slice(1).some((w) => !w.static)) clear(env);
  } else if (name === 'printf') {
    const v = words.findIndex((w) => w.value === '-v');
    if (v > 0 && words[v + 1]) env.set(words[v + 1]!.value, null);
    for (const w of words) if (/^-v[A-Za-z_]/.test(w.value)) env.set(w.value.slice(2), null);
  }
}

/**
 * `$(mktemp …)` makes a fresh name below /tmp unless told to use another directory: for the judge
 * the variable is a new path there (`d=$(mktemp -d) … rm -rf "$d"` stays allowed; a name made in
 * HOME is a name in HOME).
 */
export function mktempValue(w: Word): string | undefined {
  if (w.parts.length !== 1 || w.parts[0]!.kind !== 'command-sub') return undefined;
  const body = w.parts[0]!.script.body;
  const cmd = body.length === 1 && body[0]!.pipelines.length === 1 && body[0]!.pipelines[0]!.commands.length === 1 ? body[0]!.pipelines[0]!.commands[0]! : undefined;
  if (!cmd || cmd.kind !== 'simple' || cmd.assignments.length || cmd.redirects.some((r) => r.op !== '>')) return undefined;
  const argv = cmd.words.map((x) => (x.static ? x.value : undefined));
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

/** Variables that differ in `child` become unknown in `env`. */
export function forget(env: Env, child: Env): void {
  for (const [k, v] of child) if (env.get(k) !== v || !env.has(k)) env.set(k, null);
}

/** Every known variable becomes unknown. */
export function clear(env: Env): void {
  for (const k of env.keys()) env.set(k, null);
  env.set(ANY, null);
}
