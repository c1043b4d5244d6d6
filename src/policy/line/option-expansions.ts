// Run-time values standing where a subcommand reads its options.
//
// Some subcommands choose between everyday work and a destructive form by an option or verb word alone:
// git branch NAME / git branch -D main, git reset REF / --hard, git clean -n / -f, git stash / drop,
// git checkout BRANCH / -f, git switch / --discard-changes, git restore --staged / the work tree. An unquoted
// expansion there is split at blanks when the line runs (b='-D main'; git branch $b), so each field may be
// one of those words: what the command will do is not known, and DESIGN makes that at least ask.
// (A quoted one is one word: git branch -d "$b" deletes a merged branch, whatever $b holds.)
import { splitFields, type Word } from '../shell/index.js';

/** Per program, the subcommands whose destructive forms are picked by an option or verb word. */
const OPTION_CHOSEN: Readonly<Record<string, RegExp>> = {
  git: /^(branch|reset|clean|stash|checkout|switch|restore)$/,
};

// …and those where one word alone cannot pick it: git branch -D needs a name after it (and -Dmain is -D -m -a -i -n,
// which git refuses), so a loop variable holding one field a turn (for b in $(git branch --merged); git branch -d $b)
// deletes merged branches only. (reset --hard, clean -f, stash drop, checkout -f, switch -Cmain take one word.)
const NEEDS_TWO: Readonly<Record<string, RegExp>> = { git: /^branch$/ };

// Options of those subcommands whose next word is their value (a branch name, a message, a format, a
// pathspec file), not an option: a value there splits into names, not into -D.
const VALUE_OPTION = /^(-[mFbBcCsetuU]|--(message|file|format|sort|contains|no-contains|merged|no-merged|points-at|set-upstream-to|orphan|source|exclude|conflict|pathspec-from-file|create|force-create))$/;

/** A glob, a brace list or an extglob pattern whose match may begin with `-` (`*`, `?*`, `{x,*}`, `@(*)`, `-*`), not `./*` or `src/*`. */
export const DASH_GLOB = /(^|[{,])([*?[]|-|[@+!]\()/;

/**
 * The first word after the subcommand at `subAt` that is an unquoted run-time value where an option may stand
 * (before `--`, not an option's value), for a subcommand in OPTION_CHOSEN; undefined otherwise.
 */
export function splitOptionWord(tool: string, words: readonly Word[], subAt: number, oneFieldVars: ReadonlySet<string> = new Set(), globVars: ReadonlySet<string> = new Set(), anyGlobVars: ReadonlySet<string> = new Set()): Word | undefined {
  const sub = words[subAt];
  if (subAt <= 0 || !sub?.static || !OPTION_CHOSEN[tool]?.test(sub.value)) return undefined;
  const oneWordSafe = NEEDS_TWO[tool]?.test(sub.value) ?? false;
  for (let k = subAt + 1; k < words.length; k++) {
    const w = words[k]!;
    if (w.static && w.value === '--') return undefined;
    const prev = words[k - 1]!;
    if (prev.static && VALUE_OPTION.test(prev.value)) continue;
    // (A loop variable over a glob is a file name each turn, and a file name may hold blanks and begin with `-`: unquoted,
    // `for b in *; do git branch -d $b; done` with a file named `-D main` deletes main. Only a glob whose match can begin
    // with `-` — `*`, `?*`, `-*`, not `./*` or `src/*`.)
    // (…wherever it stands unquoted in the word — ${b%/}, $b"", x$b — and a glob given as the operand itself, `git branch -d *`,
    // is those file names as words.)
    const unquoted = w.raw.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
    // (…and over any glob where the word removes a prefix of the match — ${b#./}, ${b##*/}, ${b/src\//} — which may leave a `-` first.)
    if ([...unquoted.matchAll(/\$(\{)?([A-Za-z_]\w*)(#|\/|:)?/g)].some((m) => globVars.has(m[2]!) || (m[1] !== undefined && m[3] !== undefined && anyGlobVars.has(m[2]!)))) return w;
    if (w.glob && DASH_GLOB.test(unquoted)) return w;
    const fields = splitFields(w);
    if (fields.length > 0 && !(oneWordSafe && fields.every((f) => oneFieldVars.has(f.replace(/^\$\{?|\}$/g, ''))))) return w;
  }
  return undefined;
}
