// Interpreters told to stay in their REPL after the code or script they run. `python3 -i -c CODE`, `python2 -ic CODE`,
// `python3 -i app.py`, `PYTHONINSPECT=1 python3 -c CODE` and `lua -i script.lua` run what the line shows, then read
// what is typed into the terminal later, which is never judged: the same session a bare `python3` starts.
// (perl -i and ruby -i edit files in place; node -i with -e is refused by node; bash -i -c runs its string only.)

/** Per language: how its options are read up to the code or script, and which spelling keeps the REPL open. */
interface Grammar {
  /** Option letters that take a value (the rest of the cluster or the next word). */
  readonly valued: string;
  /** Option letters whose value is the code or module, ending the interpreter's own options. */
  readonly code: string;
  /** The letter that keeps the REPL open after the code. */
  readonly stay: string;
  /** Whether single-letter options may be clustered (`-ic`, `-Bi`). */
  readonly clusters: boolean;
  /** An environment variable that keeps the REPL open when it is set and not empty. */
  readonly envVar?: string;
}

const GRAMMARS: Readonly<Record<string, Grammar>> = {
  // python [-bBdEhiIOqsSuvVx] [-c cmd | -m mod | file | -] [-W arg] [-X opt]
  python: { valued: 'WXQ', code: 'cm', stay: 'i', clusters: true, envVar: 'PYTHONINSPECT' },
  // lua [-e stat] [-l name] [-i] [-v] [-E] [-W] [script]: each option a word of its own.
  lua: { valued: 'el', code: '', stay: 'i', clusters: false },
};

/** True when the interpreter's own options (before its code, module or script) keep its REPL open afterwards. */
export function staysInteractive(lang: string, args: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  const g = GRAMMARS[lang];
  if (g === undefined) return false;
  if (g.envVar !== undefined && (env[g.envVar] ?? '') !== '') return true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--' || a === '-' || !a.startsWith('-') || a.startsWith('--')) return false;
    const letters = g.clusters ? a.slice(1) : a.length === 2 ? a.slice(1) : '';
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j]!;
      if (c === g.stay) return true;
      if (g.code.includes(c)) return false;
      if (g.valued.includes(c)) {
        if (j === letters.length - 1) k++;
        break;
      }
    }
  }
  return false;
}
