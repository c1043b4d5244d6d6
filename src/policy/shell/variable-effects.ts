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
      env.set(a.name, known ? (a.append ? prev : '') + a.value.value : null);
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

/** Variables that differ in `child` become unknown in `env`. */
export function forget(env: Env, child: Env): void {
  for (const [k, v] of child) if (env.get(k) !== v || !env.has(k)) env.set(k, null);
}

/** Every known variable becomes unknown. */
export function clear(env: Env): void {
  for (const k of env.keys()) env.set(k, null);
}
