// Typed AST for the bash subset an agent types. Positions are offsets into the parsed text.

/** How a literal piece was written; `escape` is a backslash-escaped character. */
export type QuoteKind = 'none' | 'single' | 'double' | 'ansi' | 'escape';

/** Text after quote removal. */
export interface LiteralPart { kind: 'literal'; text: string; quote: QuoteKind }

/** `~` or `~user` at the start of a word (or after `=` in an assignment); left unexpanded. */
export interface TildePart { kind: 'tilde'; text: string }

/** `$x`, `${x}`, `${x:-word}`, `${#x}`, `${!x}`; `arg` is the operator's word, parsed. */
export interface ParamPart {
  kind: 'param';
  name: string;
  op?: string;
  arg?: Word;
  raw: string;
  quoted: boolean;
  indirect?: boolean;
  length?: boolean;
  /** The value is unknown but one field — it captured a commit id, a version, a number (sha=$(git rev-parse HEAD)): no blank to split at. */
  oneField?: boolean;
}

/** `$( … )` or backticks: the inner script is parsed. */
export interface CommandSubPart {
  kind: 'command-sub';
  style: 'dollar' | 'backtick';
  script: Script;
  raw: string;
  quoted: boolean;
}

/** `<( … )` (in: the command reads a file fed by the script) or `>( … )` (out). */
export interface ProcessSubPart { kind: 'process-sub'; direction: 'in' | 'out'; script: Script; raw: string }

/** `$(( … ))`: the expression is kept as a word so that substitutions inside are visible. */
export interface ArithPart { kind: 'arith'; expression: Word; raw: string; quoted: boolean }

/** `name=( a b c )` array assignment value. */
export interface ArrayPart { kind: 'array'; elements: Word[]; raw: string }

export type WordPart =
  | LiteralPart | TildePart | ParamPart | CommandSubPart | ProcessSubPart | ArithPart | ArrayPart;

/** One shell word. `value` is the quote-removed text; unresolved expansions appear as their raw text. */
export interface Word {
  raw: string;
  start: number;
  end: number;
  parts: WordPart[];
  value: string;
  /** false when the word holds a parameter, command, process or arithmetic expansion. */
  static: boolean;
  /** Unquoted `*`, `?` or `[…]` present. */
  glob: boolean;
  /** Starts with an unexpanded `~` (the judge expands it with an injected home). */
  tilde: boolean;
  /** Scripts of every `$( )`, backticks, `<( )`, `>( )` in this word (not those nested deeper inside them). */
  substitutions: Script[];
  /** Names of the parameters this word expands. */
  variables: string[];
}

export type RedirectOp =
  | '<' | '>' | '>>' | '>|' | '<>' | '<<' | '<<-' | '<<<' | '<&' | '>&' | '&>' | '&>>';

/** Body of `<<DELIM` / `<<-DELIM`; `content` is parsed for expansions unless the delimiter was quoted. */
export interface Heredoc { delimiter: string; quoted: boolean; stripTabs: boolean; body: string; content: Word }

export interface Redirect {
  kind: 'redirect';
  /** Explicit fd number (`2>`), null when implied. */
  fd: number | null;
  /** `{NAME}>file`: bash picks a free descriptor and stores its number in NAME. */
  fdVar?: string;
  op: RedirectOp;
  /** File, fd (`2>&1` → `1`), here-string text, or heredoc delimiter word. */
  target: Word;
  heredoc?: Heredoc;
  start: number;
  end: number;
}

/** `NAME=value`; scope says whether it sets the shell variable or only the command's environment. */
export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
  raw: string;
  /** prefix: `A=1 cmd` (command env only); shell: standalone `A=1`; declaration: `export A=1` etc. */
  scope: 'prefix' | 'shell' | 'declaration';
}

export interface SimpleCommand {
  kind: 'simple';
  assignments: Assignment[];
  /** argv, after brace expansion and unquoted `$IFS` splitting. */
  words: Word[];
  redirects: Redirect[];
  start: number;
  end: number;
}

interface CompoundBase { redirects: Redirect[]; start: number; end: number }

export interface SubshellCommand extends CompoundBase { kind: 'subshell'; body: Script }
export interface GroupCommand extends CompoundBase { kind: 'group'; body: Script }
export interface IfCommand extends CompoundBase {
  kind: 'if';
  clauses: { condition: Script; body: Script }[];
  elseBody: Script | null;
}
/** `for`/`select`; `items` null when `in` is omitted; `arithmetic` for `for (( … ))`. */
export interface ForCommand extends CompoundBase {
  kind: 'for';
  keyword: 'for' | 'select';
  variable: string;
  items: Word[] | null;
  arithmetic: Word | null;
  body: Script;
}
export interface WhileCommand extends CompoundBase { kind: 'while' | 'until'; condition: Script; body: Script }
export interface CaseItem { patterns: Word[]; body: Script; terminator: ';;' | ';&' | ';;&' | null }
export interface CaseCommand extends CompoundBase { kind: 'case'; subject: Word; items: CaseItem[] }
export interface FunctionDefinition extends CompoundBase { kind: 'function'; name: string; body: Command }
/** `(( … ))`. */
export interface ArithCommand extends CompoundBase { kind: 'arith'; expression: Word }

/** A command; `[[ … ]]` is a SimpleCommand whose argv starts with `[[`. */
export type Command =
  | SimpleCommand | SubshellCommand | GroupCommand | IfCommand | ForCommand | WhileCommand
  | CaseCommand | FunctionDefinition | ArithCommand;

export interface Pipeline {
  kind: 'pipeline';
  negated: boolean;
  commands: Command[];
  /** operators[i] joins commands[i] and commands[i+1]; `|&` also pipes stderr. */
  operators: ('|' | '|&')[];
  start: number;
  end: number;
}

/** Pipelines joined by `&&`/`||`, terminated by `;`, newline or `&` (background). */
export interface AndOrList {
  kind: 'and-or';
  pipelines: Pipeline[];
  operators: ('&&' | '||')[];
  background: boolean;
  start: number;
  end: number;
}

export interface Script { kind: 'script'; body: AndOrList[]; start: number; end: number }

export type ParseResult =
  | { ok: true; script: Script; functions: string[] }
  | { ok: false; error: string; position: number };

export interface ParseOptions {
  /** Longest accepted input (characters); default 262144. */
  maxLength?: number;
  /** Deepest accepted nesting of commands and expansions; default 100. */
  maxDepth?: number;
}
