// What a command substitution can print when it is a piece of a path: `$PWD/build/$(uname -m)` stays below build
// only because uname -m prints one name, never `..` and never a slash; `$PWD/$(cat f)` may print `../..` and be anywhere.
import { parseShell } from './parse.js';
import type { Command, Script } from './types.js';

/**
 * `name`: one path component — no `/`, never `.` or `..`. `ref`: a git ref name — components joined by `/`, none of them
 * starting with a dot (so never `.`, `..` or `.git`), as git check-ref-format requires of every branch and tag and as git
 * checks again when it reads HEAD. `component`: no `/`, but maybe `.` or `..` (basename of anything, a text with its
 * slashes turned into other characters). `empty`: the program may print nothing (git outside a repository, without a tag).
 */
export interface PrintedName {
  /** (`text`, anything, only between a printer and a filter that makes it one of the others.) */
  kind: 'name' | 'ref' | 'component' | 'text';
  empty: boolean;
  /** (A digest program's line — sha256sum FILE: its first this many characters are hex digits, then the file's name.) */
  hex?: number;
}

const NAME: PrintedName = { kind: 'name', empty: false };
// (git's commands fail — printing nothing — outside a work tree, in a repository without commits, or without a tag.)
const GIT_NAME: PrintedName = { kind: 'name', empty: true };
const GIT_REF: PrintedName = { kind: 'ref', empty: true };
const COMPONENT: PrintedName = { kind: 'component', empty: true };
/** printf of numeric conversions and separators: a number (no precision, which may print nothing). */
const PRINTF_NUMBER = /^(?=[^%]*%)([-_:\w]|%[-0 #+]*\d*[diouxX])+$/;

/** date +FORMAT of numeric and name fields with separators that are no slash: at least one field, so never only dots.
 *  (Not %Z: a zone's name comes from TZ, which the line may set.) */
const DATE_ARG = /^(-u|--utc|\+(?=[^%]*%)(%[-_0^#]?[YmdHMSsjuVGgyeIpklFTRzNaAbBh]|[-_.:T0-9A-Za-z])+)$/;
/** git commands printing an object id, a count or a timestamp (`name`), or a branch or tag name (`ref`). */
const GIT_NAMES = /^(rev-parse( --short(=\d+)?| --verify| -q| --quiet)* (HEAD|@)(~\d+|\^\d*)?|rev-list --count (HEAD|@)|log -1 (--format|--pretty)=(format:)?(%h|%H|%ct|%at|%cs|%as)|(log|show) -s (--format|--pretty)=(format:)?(%h|%H|%ct|%at) (HEAD|@))$/;
const GIT_REFS = /^(rev-parse --abbrev-ref (HEAD|@)|branch --show-current|symbolic-ref --short (-q )?HEAD|name-rev --name-only HEAD|describe( --tags| --always| --dirty| --long| --abbrev=\d+| --first-parent| --exact-match)*)$/;

/** What one program prints, as a path piece, from its words (undefined where a word is computed); undefined when it may print anything. */
function printer(argv: (string | undefined)[]): PrintedName | undefined {
  const [name, ...rest] = argv;
  // (Of a computed word: basename prints one component of it, printf a number from a numeric format, echo anything.)
  if (name === 'basename' && rest.length >= 1 && rest.length <= 2 && !rest[0]?.startsWith('-')) return rest.every((a) => a !== undefined) ? printer0(argv as string[]) : COMPONENT;
  if (name === 'printf' && rest[0] !== undefined && PRINTF_NUMBER.test(rest[0])) return NAME;
  if (name === 'echo' || name === 'printf') return ANY_TEXT;
  if (argv.some((a) => a === undefined)) return undefined;
  return printer0(argv as string[]);
}
/** Text that may be anything — only a filter after it (tr / _) makes it a path piece. */
const ANY_TEXT: PrintedName = { kind: 'text', empty: true };

function printer0(argv: string[]): PrintedName | undefined {
  const [name, ...args] = argv;
  const line = args.join(' ');
  switch (name) {
    case 'uname':
      // (-o prints GNU/Linux; -a and -v hold blanks and `#`.)
      return args.every((a) => /^-[msrnpi]$/.test(a)) && args.length <= 1 ? NAME : undefined;
    case 'arch': case 'nproc': case 'whoami': case 'uuidgen':
      return args.length === 0 ? NAME : undefined;
    case 'hostname':
      return /^(-s|-f|--short|--fqdn)?$/.test(line) ? NAME : undefined;
    case 'id':
      return /^(-u|-g|-un|-gn|-u -n|-g -n|-nu|-ng)$/.test(line) ? NAME : undefined;
    case 'date':
      return args.some((a) => a.startsWith('+')) && args.every((a) => DATE_ARG.test(a)) ? NAME : undefined;
    case 'git':
      return GIT_NAMES.test(line) ? GIT_NAME : GIT_REFS.test(line) ? GIT_REF : undefined;
    case 'openssl':
      return /^rand -hex \d+$/.test(line) ? NAME : undefined;
    case 'node':
      // (node -p process.arch / process.platform: x64, arm64, linux, darwin …)
      return /^(-v|--version|-p process\.(arch|platform)|-e console\.log\(process\.(arch|platform)\))$/.test(line) ? NAME : undefined;
    case 'jq':
      // (The project's own version and name, as its manifest gives them: npm requires a semver version and a name
      // whose only slash follows its @scope — the manifest's words are the project's, as the agent's edits are. Only by
      // a relative name that does not climb: /tmp/package.json is anybody's text.)
      return !/^-r \.(version|name) (?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./-]*package\.json$/.test(line) ? undefined : line.startsWith('-r .version') ? NAME : { kind: 'ref', empty: false };
    case 'sha1sum': case 'sha224sum': case 'sha256sum': case 'sha384sum': case 'sha512sum': case 'md5sum': {
      // (Of one file, with no option: --tag and -b change where the digits stand.)
      const hex = { sha1sum: 40, sha224sum: 56, sha256sum: 64, sha384sum: 96, sha512sum: 128, md5sum: 32 }[name];
      return args.length === 1 && !args[0]!.startsWith('-') ? { ...ANY_TEXT, empty: false, hex } : undefined;
    }
    case 'basename': {
      // Of a literal path: its last name, computed here (basename of `..`, `/` or `x/..` is no name below anything).
      const ops = args[0] === '--' ? args.slice(1) : args;
      if (ops.length === 0 || ops.length > 2 || ops[0]!.startsWith('-')) return undefined;
      const base = ops[0]!.replace(/\/+$/, '').replace(/^.*\//, '');
      const out = ops[1] !== undefined && base !== ops[1] && base.endsWith(ops[1]) ? base.slice(0, -ops[1].length) : base;
      return out !== '' && !/^\.\.?$/.test(out) ? NAME : undefined;
    }
  }
  return undefined;
}

/** The characters a tr set can produce (ranges expanded, [:lower:]/[:upper:]/[:digit:]/[:alnum:] classes); undefined if not read. */
function trChars(set: string): string | undefined {
  let s = set.replace(/\[:(lower|upper|digit|alnum|alpha):\]/g, (_, c: string) => ({ lower: 'a-z', upper: 'A-Z', digit: '0-9', alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z' })[c]!);
  s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r');
  if (/[\\[]/.test(s)) return undefined;
  return s.replace(/(.)-(.)/g, (_, a: string, b: string) => {
    let out = '';
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0) && out.length < 256; c++) out += String.fromCharCode(c);
    return out;
  });
}

/** A filter after the printer that keeps a name a name: tr mapping to characters other than `.` and `/`, or deleting blanks. */
function keeps(argv: string[], from: PrintedName): PrintedName | undefined {
  // (A digest line cut to its digits — cut -c1-16, cut -d' ' -f1, head -c 12, awk '{print $1}' — is one hex name.)
  if (from.hex !== undefined) {
    const line = argv.join(' ');
    const cols = /^cut -c ?(?:1)?-(\d+)$/.exec(line)?.[1] ?? /^head -c ?(\d+)$/.exec(line)?.[1];
    if (cols !== undefined) return Number(cols) >= 1 && Number(cols) <= from.hex ? NAME : undefined;
    // (cut's delimiter a blank, -d ' ' or -d' ', and its first field.)
    const cut = argv[0] === 'cut' ? argv.slice(1).join('\n').replace(/-d\n? (?=\n|$)/, '-dSP') : '';
    return /^(-dSP\n-f\n?1|-f\n?1\n-dSP)$/.test(cut) || /^awk \{ ?print \$1 ?\}$/.test(line) ? NAME : undefined;
  }
  if (argv[0] !== 'tr') return undefined;
  const args = argv.slice(1);
  if (args[0] === '-d' && args.length === 2) {
    const del = trChars(args[1]!);
    return del !== undefined && /^\s+$/.test(del) ? from : undefined;
  }
  if (args.length !== 2 || args[0]!.startsWith('-')) return undefined;
  const [set1, set2] = args.map(trChars);
  if (set1 === undefined || set2 === undefined || /[./]/.test(set2)) return undefined;
  // (tr / - turns a ref's slashes into dashes: one name; any text's, one component.)
  if (set1.includes('/')) return from.kind === 'ref' ? { ...from, kind: 'name' } : from.kind === 'text' ? COMPONENT : from;
  return from.kind === 'text' ? undefined : from;
}

/** The argv of a simple command without assignments or redirections other than 2>/dev/null (undefined for a computed word). */
function literalArgv(c: Command): (string | undefined)[] | undefined {
  if (c.kind !== 'simple' || c.assignments.length || !c.words.length || !c.words[0]!.static) return undefined;
  if (c.redirects.some((r) => !(r.op === '>' && r.fd === 2 && r.target.value === '/dev/null'))) return undefined;
  return c.words.map((w) => (w.static && !w.glob && !w.tilde ? w.value : undefined));
}

/** What a substitution's script prints as a path piece: one printer, then filters that keep its output a name. */
export function printedName(script: Script): PrintedName | undefined {
  const item = script.body.length === 1 ? script.body[0]! : undefined;
  const cmds = item && item.pipelines.length === 1 && !item.background ? item.pipelines[0]!.commands : undefined;
  if (!cmds?.length) return undefined;
  const argvs = cmds.map(literalArgv);
  if (argvs.some((a) => a === undefined)) return undefined;
  let out = printer(argvs[0]!);
  for (const a of argvs.slice(1)) out = out && (a!.every((x) => x !== undefined) ? keeps(a as string[], out) : undefined);
  return out?.kind === 'text' ? undefined : out;
}

/** The `$(…)` and `` `…` `` substitutions in a path's text, with their places (nesting and quotes inside followed). */
export function substitutionsIn(text: string): { start: number; end: number; body: string }[] {
  const out: { start: number; end: number; body: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) break;
      out.push({ start: i, end: close + 1, body: text.slice(i + 1, close) });
      i = close;
      continue;
    }
    if (text[i] !== '$' || text[i + 1] !== '(' || text[i + 2] === '(') continue;
    let depth = 0;
    let quote = '';
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') j++; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\') j++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    if (j >= text.length) break;
    out.push({ start: i, end: j + 1, body: text.slice(i + 2, j) });
    i = j;
  }
  return out;
}

const memo = new Map<string, PrintedName | null>();
/** printedName of a substitution's text (memoized: the same few come back on every path). */
export function printedNameOf(body: string): PrintedName | undefined {
  let hit = memo.get(body);
  if (hit === undefined) {
    const parsed = parseShell(body);
    hit = (parsed.ok && printedName(parsed.script)) || null;
    if (memo.size > 256) memo.clear();
    memo.set(body, hit);
  }
  return hit ?? undefined;
}
