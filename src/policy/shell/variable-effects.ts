// What a simple command does to the variables we know: assignments set them; eval, read, unset and
// function calls make them unknown.
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
      if (arr && !a.append && arr.elements.every((e) => e.static && !e.value.includes('\n'))) {
        env.set(`${a.name}[@]`, arr.elements.map((e) => e.value).join('\n'));
        env.set(a.name, arr.elements[0]?.value ?? '');
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
 * the variable is a path below /tmp (`d=$(mktemp -d) … rm -rf "$d"` stays allowed).
 */
export function mktempValue(w: Word): string | undefined {
  if (w.parts.length !== 1 || w.parts[0]!.kind !== 'command-sub') return undefined;
  const body = w.parts[0]!.script.body;
  const cmd = body.length === 1 && body[0]!.pipelines.length === 1 && body[0]!.pipelines[0]!.commands.length === 1 ? body[0]!.pipelines[0]!.commands[0]! : undefined;
  if (!cmd || cmd.kind !== 'simple' || cmd.assignments.length || cmd.redirects.some((r) => r.op !== '>')) return undefined;
  const argv = cmd.words.map((x) => (x.static ? x.value : undefined));
  if (argv[0] !== 'mktemp' || argv.some((a) => a === undefined)) return undefined;
  // Another directory (-p/--tmpdir DIR, an absolute or relative template with a slash): unknown.
  const args = argv.slice(1) as string[];
  if (args.some((a) => /^(-p|--tmpdir)/.test(a) && !/^(--tmpdir|-p)=?\/tmp\/?$/.test(a)) || args.some((a) => !a.startsWith('-') && a.includes('/'))) return undefined;
  return '/tmp/tmp.rampart-mktemp';
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
