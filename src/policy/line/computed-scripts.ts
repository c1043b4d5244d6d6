// Shell code a line runs whose text is chosen only when the line runs: a script operand that is wholly
// a parameter or a substitution (`source "$1"`, `bash "$(…)"`), a `bash -c` string the running shell
// fills with its own parameters ("$@", "$0"), and a process substitution whose output is run as code.
import { posix } from 'node:path';
import { isSecretPath, realOf, type State } from './state.js';
import type { FlatCommand, Redirect } from '../shell/index.js';

// One parameter or one substitution, and nothing else: "$1", "${X}", "$@", "$(…)", "`…`".
const WHOLE_EXPANSION = /^(\$(\{[^}]*\}|\w+|[@*#?$!-])|\$\([\s\S]*\)|`[\s\S]*`)$/;

/** The word of this command's argv spelled with this value, when the shell expands something in it. */
function expandedWord(fc: FlatCommand, value: string) {
  return fc.argv.find((w) => w.value === value && !w.static);
}

/**
 * The operand names no file the line can see: the whole word is a parameter or a substitution. (A
 * literal tail — `"$NVM_DIR/nvm.sh"` — still names the script the user set up; that is judged as a path.)
 */
export function wholeComputed(fc: FlatCommand, operand: string): boolean {
  return expandedWord(fc, operand) !== undefined && WHOLE_EXPANSION.test(operand);
}

/**
 * Double quotes (or no quotes) let the running shell put its own positional parameters into a
 * `-c` string before the inner shell sees it: "$@" and "$1" are then the session's, not the operands
 * written after the string, and unknown to the judge. (Single quotes leave them to the inner shell.)
 */
export function outerPositionals(fc: FlatCommand, text: string): boolean {
  return expandedWord(fc, text)?.variables.some((v) => /^([0-9]+|[@*#])$/.test(v)) ?? false;
}

/** The commands inside the process substitution spelled by this word. */
function inside(fc: FlatCommand, flat: readonly FlatCommand[], raw: string): FlatCommand[] {
  return flat.filter((c) => c.origin?.parent === fc.index && c.origin.location === 'argv' && c.origin.word?.raw === raw);
}

/** The file a lone `cat FILE` prints (its output is that file's text), else undefined. */
export function lonePrinted(c: FlatCommand): string | undefined {
  const w = c.argv;
  return w.length === 2 && w[0]!.value === 'cat' && w.every((x) => x.static) && !w[1]!.value.startsWith('-') && c.redirects.length === 0 ? w[1]!.value : undefined;
}

/**
 * A file of the project's as it was before the line ran, spelled plainly: inside the project root, not a secret, not
 * below a link the line made (ln -s /tmp/x.sh s.sh), and not written by the line unless with text it knows (that text is
 * then what runs). Running it is running the project's own script; anything else printed into a shell is text nobody read.
 */
export function projectScript(st: State, p: string, cwd: string): boolean {
  if (!/^[\w./-]+$/.test(p) || p.split('/').includes('..')) return false;
  const a = posix.resolve(cwd, p);
  if (!a.startsWith(`${st.ctx.projectRoot}/`) || isSecretPath(st, a, st.ctx) || realOf(st, a) !== undefined) return false;
  return !st.opaqueWritten.has(a) && (!st.written.has(a) || st.scripts.has(a));
}

/**
 * The file a `<(…)` given to source or a shell runs when all it holds is a lone `cat FILE` (the same as running FILE);
 * other output is asked for by unreadSubstitution, tried first.
 */
export function substitutedFile(fc: FlatCommand, flat: readonly FlatCommand[], raw: string): string | undefined {
  const cmds = inside(fc, flat, raw);
  return cmds.length === 1 ? lonePrinted(cmds[0]!) : undefined;
}

/** A redirection that gives the command its standard input (`< f`, `0< f`, `<<`, `<<<`; not `3< f`). */
export function feedsStdin(r: Redirect): boolean {
  return /^</.test(r.op) && (r.fd === null || r.fd === 0);
}
