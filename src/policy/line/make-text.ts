// make's text as the shell lines it runs: recipes with make's own variables expanded, `X != cmd`, `$(shell …)`.
import { quote } from './unwrap.js';

/** Makefile lines that run: recipes (tab-indented, without make's `@`/`-`/`+`), `X != cmd` and `$(shell cmd)`, which run when the file is read. */
export function makeRecipes(text0: string): string[] {
  // Backslash-newline first: in a recipe the shell gets both and drops them (make takes the next line's leading tab
  // away), so `cu\` + `rl …` is `curl …`; anywhere else make joins the lines with one space.
  const joined: string[] = [];
  for (const l of text0.split('\n')) {
    const prev = joined.at(-1);
    if (prev !== undefined && /(^|[^\\])(\\\\)*\\$/.test(prev)) joined[joined.length - 1] = prev.startsWith('\t') ? prev.slice(0, -1) + l.replace(/^\t/, '') : `${prev.slice(0, -1).trimEnd()} ${l.trimStart()}`;
    else joined.push(l);
  }
  const text = joined.join('\n');
  // make's own variables are expanded before the shell sees a recipe: one defined in the file with
  // plain text is that text; automatic ones ($@ $< $^ $*) and the rest ($(SRC:.c=.o), $(wildcard …))
  // name the project's files (make_var), never a command the shell substitutes. $(shell …) runs.
  // (Also `export`/`override` assignments, target-specific ones, and define … endef blocks. A makefile
  // that builds text at run time — $(eval …), $(call …), .RECIPEPREFIX — keeps its references computed.)
  const vars = new Map<string, string>();
  for (const m of text.matchAll(/^(?:[^\s:#=]+\s*:\s*)?(?:(?:export|override|private)\s+)*(\.?[A-Za-z_][\w.-]*)\s*(?:\?|:|::|\+|!)?=\s*(.*)$/gm)) if (!/\$\(shell\b/.test(m[2]!)) vars.set(m[1]!, m[2]!.trim());
  for (const m of text.matchAll(/^(?:(?:export|override)\s+)*define\s+([A-Za-z_][\w.-]*)[^\n]*\n([\s\S]*?)^endef/gm)) vars.set(m[1]!, m[2]!.trim().replace(/\n/g, '; '));
  const dynamic = /\$\((eval|call|value|file)\b|^\.RECIPEPREFIX/m.test(text);
  const expand = (line: string, depth = 0): string => line.replace(/\$\(([^()$]*(?:\$\([^()]*\)[^()$]*)*)\)|\$\{([^{}]*)\}|\$([@<^*?%+|])/g, (m, a?: string, b?: string) => {
    const ref = (a ?? b ?? '').trim();
    if (/^shell\s/.test(ref)) return m;
    const value = vars.get(ref);
    if (value !== undefined && depth < 5) return expand(value, depth + 1);
    // (make reads the environment too: $(HOME) is the shell's $HOME; CURDIR is the working directory.)
    if (ref === 'CURDIR') return '.';
    if (/^(HOME|USER|LOGNAME|PWD|TMPDIR|PATH|SHELL|XDG_\w+)$/.test(ref)) return `$${ref}`;
    return dynamic ? m : 'make_var';
  }).replace(/\$\$/g, '$');
  const recipes = text.split('\n').filter((l) => l.startsWith('\t') || (dynamic && /^\S/.test(l) && !/^[\w.-]+\s*[:?+!]?=|^[^\s:]+\s*:(?!=)|^(define|endef|export|override|include|ifn?eq|ifn?def|else|endif|\.)/.test(l))).map((l) => expand(l.replace(/^\t/, '').replace(/^[^\s\w]?[@+-]+/, '')));
  // A rule's recipe may start on its own line after `;` (all:; curl …).
  const inline = [...text.matchAll(/^[^\s:=#][^:=#]*::?[^=;\n]*;(.*)$/gm)].map((m) => expand(m[1]!.trim().replace(/^[@+-]+/, '')));
  const shells = [...text.matchAll(/^\s*(?:(?:export|override)\s+)*[\w.-]+\s*!=\s*(.+)$/gm)].map((m) => m[1]!);
  // $(shell …) and ${shell …}, up to the matching parenthesis: they run while make reads the text, even under -n.
  const calls: string[] = [];
  for (const m of text.matchAll(/\$[({]shell\s+/g)) {
    let depth = 1;
    let k = m.index! + m[0].length;
    const start = k;
    for (; k < text.length && depth > 0; k++) depth += text[k] === '(' || text[k] === '{' ? 1 : text[k] === ')' || text[k] === '}' ? -1 : 0;
    calls.push(text.slice(start, depth === 0 ? k - 1 : k));
  }
  // (A makefile's SHELL and .SHELLFLAGS are what runs each recipe: `$(SHELL) $(.SHELLFLAGS) 'recipe'`.)
  const shell = vars.has('SHELL') || vars.has('.SHELLFLAGS') ? `${expand(vars.get('SHELL') ?? '/bin/sh')} ${expand(vars.get('.SHELLFLAGS') ?? '-c')} ` : undefined;
  const run = (r: string) => (shell === undefined ? r : `${shell}${quote(r)}`);
  return [...recipes.map(run), ...inline.map(run), ...shells, ...calls].filter((l) => l.trim() !== '');
}
