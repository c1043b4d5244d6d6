// What a simple command does to the variables we know: assignments set them; eval, read, unset and
// function calls make them unknown.
import type { Assignment, Word } from './types.js';

/** Known variables: a string when its value is certain, null when assigned but unknowable here. */
export type Env = Map<string, string | null>;

const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);
const READERS = new Set(['read', 'readarray', 'mapfile', 'getopts']);
/** Commands that can assign arbitrary variables: afterwards nothing is known. */
const OPAQUE = new Set(['eval', 'source', '.', 'let']);

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
      env.set(a.name, temp ?? (known ? (a.append ? prev : '') + a.value.value : null));
    }
    if (name && words.some((w, i) => i > 0 && /^-[a-zA-Z]*n/.test(w.value))) clear(env); // declare -n: a nameref
  } else if (name === null || OPAQUE.has(name) || functions.has(name)) {
    clear(env);
  } else if (name === 'unset' || READERS.has(name)) {
    for (const w of words.slice(1)) if (/^[A-Za-z_]\w*$/.test(w.value)) env.set(w.value, null);
  } else if (name === 'printf') {
    const v = words.findIndex((w) => w.value === '-v');
    if (v > 0 && words[v + 1]) env.set(words[v + 1]!.value, null);
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
}
