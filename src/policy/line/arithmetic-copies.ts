// Copies of a credential made by arithmetic: `(( x = TOKEN ))`, `let x=TOKEN+0`, `: $(( x = TOKEN ))`, `$[x = TOKEN]`.
// Arithmetic reads variables by bare name, so x then holds TOKEN's value (a numeric secret — a PIN, an account number —
// whole) and `$x` sends it as `$TOKEN` would. (`$((TOKEN))` used in place is read by expansionsOf.)
import type { Context } from '../types.js';
import { credentialNameIn, type State } from './state.js';

// The arithmetic texts of a line: (( … )) commands and $(( … )), $[ … ], and let's words.
const ARITHMETIC = /\(\(([\s\S]*?)\)\)|\$\[([^\]]*)\]|(?:^|[\s;&|({])let\s+([^;&|\n]*)/g;
// NAME = EXPR, NAME += EXPR … (not ==): what is assigned runs to the next comma, or to the next word of let.
const ASSIGNED = /([A-Za-z_]\w*)\s*(?:[-+*/%&|^]|<<|>>)?=(?!=)\s*([^,]*)/g;

/** Records, as references to the credential, the names the line's arithmetic assigns from an environment credential. */
export function arithmeticCopies(st: State, line: string, env: Context['env']): void {
  for (const m of line.matchAll(ARITHMETIC)) {
    for (const a of (m[1] ?? m[2] ?? m[3] ?? '').matchAll(ASSIGNED)) {
      // (The bare names of the expression written as expansions, as the shell reads them; not a base's digits, 16#ff.)
      const read = a[2]!.replace(/(^|[^\w$#])([A-Za-z_]\w*)/g, '$1$$$2');
      const copied = credentialNameIn(st, read, env);
      if (copied !== undefined) st.namerefs.set(a[1]!, copied);
    }
  }
}
