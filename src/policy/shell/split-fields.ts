// The expansions of a word that may split it into more words when the line runs.
import { parseShell } from './parse.js';
import type { Script, Word, WordPart } from './types.js';

// Variables that always hold a number, a login or a machine's name (or nothing): no blank to split at.
const ONE_FIELD = /^([$#?!]|RANDOM|SECONDS|LINENO|UID|EUID|PPID|BASHPID|SHLVL|OPTIND|COLUMNS|LINES|SRANDOM|EPOCHSECONDS|USER|LOGNAME|HOSTNAME|HOSTTYPE|OSTYPE|MACHTYPE)$/;

/** Substitutions that print one field: a number, a commit id, a date without blanks, a machine's name. */
export function printsOneField(script: Script): boolean {
  const item = script.body.length === 1 ? script.body[0]! : undefined;
  const cmd = item && item.pipelines.length === 1 && item.pipelines[0]!.commands.length === 1 ? item.pipelines[0]!.commands[0]! : undefined;
  if (!cmd || cmd.kind !== 'simple' || !cmd.words.every((w) => w.static)) return false;
  const [name, ...args] = cmd.words.map((w) => w.value);
  const line = args.join(' ');
  // (date's own format has blanks; +FORMAT of numeric fields and separators has none.)
  if (name === 'date') return args.length > 0 && args.every((a) => /^(-u|--utc|\+(%[-_0^#]?[YmdHMSsjuVGgyeIpklFTRzZN]|[-_.:T0-9])+)$/.test(a)) && args.some((a) => a.startsWith('+'));
  // (A package's version, as jq or node read it from its manifest.)
  if (name === 'jq') return /^-r \.version (?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./-]*package\.json$/.test(line);
  // (A commit id or a ref's name: merge-base A B, rev-parse [--short|--verify|--abbrev-ref] REF — git reset $(git merge-base main HEAD).)
  if (name === 'git') return /^rev-parse( --short(=\d+)?)? (HEAD|@)$|^rev-list --count (HEAD|@)$|^describe( --tags| --abbrev=\d+| --always)*$/.test(line) || /^rev-parse( --short(=\d+)?| --verify| -q| --quiet| --abbrev-ref)* (?!-)[\w./@{}^~-]+$|^merge-base( --fork-point)? (?!-)[\w./@{}^~-]+ (?!-)[\w./@{}^~-]+$/.test(line);
  return (/^(nproc|whoami|hostname|uuidgen)$/.test(name!) && args.length === 0) || (name === 'id' && /^-[ug]$/.test(line)) || (name === 'uname' && /^-[msr]$/.test(line));
}

/**
 * The unquoted expansions of `w` whose value is unknown here and may hold blanks: x=" /"; rm -rf a$x is `rm -rf a /`.
 * Each field after the first is a word of its own that only the running shell knows — judged as the expansion
 * standing alone (its raw text), as `rm -rf a $x` is.
 */
export function splitFields(w: Word): string[] {
  if (w.static) return [];
  const splits = (p: WordPart): boolean => {
    if (p.kind === 'command-sub') return !p.quoted && !printsOneField(p.script);
    if (p.kind !== 'param' || p.quoted || p.length || p.oneField || ONE_FIELD.test(p.name) || /^\$\{?#|^\$\(\(/.test(p.raw)) return false;
    // (A substitution a shaped variable holds — d=out-$(date +%s); rm -rf $d — is judged by what it prints, as written inline.)
    const sub = /^\$\(([\s\S]*)\)$|^`([\s\S]*)`$/.exec(p.raw);
    const parsed = sub ? parseShell((sub[1] ?? sub[2])!) : undefined;
    return !(parsed?.ok && printsOneField(parsed.script));
  };
  return w.parts.filter(splits).map((p) => (p as { raw: string }).raw);
}
