// The flattened view of a script: one record per simple command, with its pipes and nesting.
import type { SubstitutionStyle } from './substitutions.js';
import type { Assignment, Redirect, SimpleCommand, Word } from './types.js';

/** Where a substitution's word sits: the parent's argv, an assignment value, a redirect target, a heredoc body, or a compound's own word (`for x in $(…)`, `case $(…) in`). */
export type WordLocation = 'argv' | 'assignment' | 'redirect' | 'heredoc' | 'compound';

/** How a command inside a substitution is connected to the command that consumes its output. */
export interface Origin {
  style: SubstitutionStyle;
  /** Index (in the flat list) of the command whose word holds the substitution; null for a compound's word. */
  parent: number | null;
  location: WordLocation;
  /** Index in the parent's argv / assignments / redirects; -1 for a compound. */
  wordIndex: number;
  word: Word;
  quoted: boolean;
  wholeWord: boolean;
  /** For a `for` loop's word list: the loop's variable (each item becomes its value) and how many words the list has. */
  loopVariable?: string;
  loopItems?: number;
}

/** One simple command as the judge sees it. */
export interface FlatCommand {
  index: number;
  command: SimpleCommand;
  argv: Word[];
  assignments: Assignment[];
  redirects: Redirect[];
  /** Its innermost pipeline (`length` 1 when not piped); ids are unique per script. */
  pipeline: { id: number; index: number; length: number };
  /** Commands whose stdout may reach this command's stdin through a pipe (own or an enclosing one). */
  stdinFrom: number[];
  /** Commands whose stdin this command's stdout may reach through a pipe. */
  stdoutTo: number[];
  /** Its stderr also goes down a pipe (`|&`). */
  stderrPiped: boolean;
  /** It, or an enclosing list, ends with `&`. */
  background: boolean;
  /** May not run: right of `&&`/`||`, an if/loop/case body, a function body. */
  conditional: boolean;
  /** Runs in a subshell: `( )`, a pipeline element, a substitution. */
  subshell: boolean;
  /** The subshells it runs in, outermost first (ids unique in the line): a `cd` inside one ends with it. */
  scopes: number[];
  /** In a pipeline negated with `!`. */
  negated: boolean;
  /** Number of substitutions it is nested in (0 = the command line itself). */
  depth: number;
  /** Set when it runs inside a substitution (innermost). */
  origin: Origin | null;
  /** Name of the function whose body holds it. */
  inFunction: string | null;
  /** argv[0] names a function defined in the same script. */
  callsFunction: boolean;
  /** Enclosing `for NAME in WORDS` loops, outermost first (absent outside any): NAME takes each word's value in turn. */
  loops?: { variable: string; items: Word[] }[];
}
