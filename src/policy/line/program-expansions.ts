// Run-time values standing where a program reads what it will do: a find primary, a sed script's commands, an awk program.
// find . "$EXPR" may be find . -delete, sed "$S" f may be sed 's/x/y/e' f (it runs the file's text), awk "$P" f may call
// system(): what the command does is only known when the line runs, and DESIGN makes that at least ask.
// (A value in a primary's argument — -name "$pat", -maxdepth $n —, inside a sed script before its closing delimiter or its command
// letter — s/x/$v/g, "${n}d", "/$pat/d" — or in an awk program after its first character — "{ print \$$col }" — is data:
// everyday shell, judged as such.)
import { findValueCount } from '../analyzers/find.js';
import { printsOneField, type Word, type WordPart } from '../shell/index.js';

/** A part whose text the line does not know and that may hold any characters (not a number, a length or a commit id). */
function opaquePart(p: WordPart | undefined): boolean {
  if (p?.kind === 'param') return !p.length && !p.oneField && !/^([$#?!]|RANDOM|SECONDS|LINENO|UID|EUID|PPID|BASHPID|SHLVL|OPTIND|COLUMNS|LINES|SRANDOM|EPOCHSECONDS)$/.test(p.name);
  if (p?.kind === 'command-sub') return !printsOneField(p.script);
  return false;
}
const meaningful = (w: Word): WordPart[] => w.parts.filter((p) => !(p.kind === 'literal' && p.text === ''));

type Opaque = (w: Word | undefined) => boolean;

/** What the line tells about its own variables. */
export interface LineVariables {
  /** Function and script arguments ("$@", $1): judged where they are called with them. */
  argumentWord: RegExp;
  /** Whether the line sets `name` (or the environment given holds it). */
  setHere: (name: string) => boolean;
  /** The line's text, where its array assignments (args=(…), args+=(…)) are read. */
  lineText: string;
}

// Find's primaries that act rather than test: an argument array holding one of them is not everyday shell.
const FIND_ACTIONS = /(^|[\s("'])-(delete|exec|execdir|ok|okdir|fprint0?|fprintf|fls)\b/;

/**
 * "${args[@]}" of an array the line builds itself from words it shows (args=(-name '*.ts'), args+=(-path "./$e" -prune -o)):
 * each element is one of those words, and a value inside one only follows a literal start — it cannot begin with `-`.
 * (A find action among them, or a value standing alone as an element, keeps the expansion unknown.)
 */
function builtArray(w: Word, vars: LineVariables): boolean {
  const m = /^"\$\{([A-Za-z_]\w*)\[[@*]\]\}"$/.exec(w.raw);
  if (!m) return false;
  const bodies = [...vars.lineText.matchAll(new RegExp(`(?:^|[\\s;&|(])(?:declare\\s+-a\\s+|local\\s+(?:-a\\s+)?)?${m[1]}\\+?=\\(([^)]*)\\)`, 'g'))].map((a) => a[1]!);
  return bodies.length > 0 && bodies.every((b) => !FIND_ACTIONS.test(b) && !/(^|\s)["']?\$/.test(b) && !/`|\$\(/.test(b));
}

/** find: a word of the expression, or one after the first starting point (a value beginning with `-` is read as a primary). */
function findPrimary(words: readonly Word[], opaque: Opaque): Word | undefined {
  let i = 1;
  while (i < words.length && words[i]!.static && /^-([HLP]|O\d*|D)$/.test(words[i]!.value)) i += words[i]!.value === '-D' ? 2 : 1;
  if (words[i]?.static && words[i]!.value === '--') i++;
  // (The first starting point may be computed — find "$DIR" -name x —: the usual way to name where to look.)
  for (let roots = 0; i < words.length && !(words[i]!.static && /^[-(!]/.test(words[i]!.value)); i++, roots++) {
    if (opaque(words[i]) && (roots > 0 || words[i]!.value.startsWith('-'))) return words[i];
  }
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w.static && /^-(exec|execdir|ok|okdir)$/.test(w.value)) {
      while (i + 1 < words.length && !(words[i + 1]!.static && /^(;|\+)$/.test(words[i + 1]!.value))) i++;
      i++;
    } else if (opaque(w)) return w;
    else if (w.static) i += findValueCount(w.value);
  }
  return undefined;
}

/** sed: each -e/--expression value, else the first operand, computed where the script ends (its command letter, the s flags). */
function sedScript(words: readonly Word[], opaque: Opaque, vars: LineVariables): Word | undefined {
  const scripts: Word[] = [];
  let operand: Word | undefined;
  for (let i = 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === '--') { operand ??= words[i + 1]; break; }
    // (-f FILE names a file, not this class; -l N a number.)
    if (/^--(expression|file|line-length)$/.test(v) || /^-[nrEsuz]*[efl]$/.test(v)) {
      if (/^(-[nrEsuz]*e|--expression)$/.test(v) && words[i + 1]) scripts.push(words[i + 1]!);
      i++;
    } else if (/^(-[nrEsuz]*e.|--expression=)/.test(v)) scripts.push(words[i]!);
    else if (!v.startsWith('-') || v === '-') operand ??= words[i];
  }
  if (scripts.length === 0 && operand) scripts.push(operand);
  // ("$S", "s/a/$S", -e"$S": the value may carry the command letter or the s flags, e and w among them.)
  // (Not sed's last-line address written inside double quotes — "1,$p", "/x/,$d" —: a one-letter command name the line never sets.)
  const addressTypo = (p: WordPart | undefined, w: Word): boolean => p?.kind === 'param' && !p.op && /^[pdqlnNgGhHxP=]$/.test(p.name) && !vars.setHere(p.name) && meaningful(w).length > 1;
  return scripts.find((w) => opaque(w) && opaquePart(meaningful(w).at(-1)) && !addressTypo(meaningful(w).at(-1), w));
}

/** awk: the program (the first operand without -f/-E, or -e/--source text), computed where it starts. */
function awkProgram(words: readonly Word[], opaque: Opaque): Word | undefined {
  const programs: Word[] = [];
  let fromFile = false;
  for (let i = 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === '--') { if (!fromFile && programs.length === 0 && words[i + 1]) programs.push(words[i + 1]!); break; }
    if (/^(-[eE]|--source|--exec)$/.test(v)) {
      if (/^(-e|--source)$/.test(v) && words[i + 1]) programs.push(words[i + 1]!);
      else fromFile = true;
      i++;
    } else if (/^(-f|--file)$/.test(v)) { fromFile = true; i++; }
    else if (/^-f.|^--file=/.test(v)) fromFile = true;
    else if (/^(-[FvilW]|--(field-separator|assign|include|load))$/.test(v)) i++;
    else if (!v.startsWith('-') || v === '-') {
      if (!fromFile && programs.length === 0) programs.push(words[i]!);
      break;
    }
  }
  // ("$P", "$P{ print }": the value may be a whole program, system() calls included.)
  return programs.find((w) => opaque(w) && opaquePart(meaningful(w)[0]));
}

/** Per program, where a run-time value picks what it does. */
const READERS: Readonly<Record<string, (words: readonly Word[], opaque: Opaque, vars: LineVariables) => Word | undefined>> = {
  find: findPrimary, sed: sedScript, gsed: sedScript, awk: awkProgram, gawk: awkProgram, mawk: awkProgram, nawk: awkProgram,
};

/** The first word whose run-time value may pick what `tool` does (find, sed, awk), or undefined. */
export function computedProgramWord(tool: string, words: readonly Word[], vars: LineVariables): Word | undefined {
  const opaque: Opaque = (w) => w !== undefined && !w.static && !vars.argumentWord.test(w.raw) && w.parts.some(opaquePart) && !builtArray(w, vars);
  return Object.hasOwn(READERS, tool) ? READERS[tool]!(words, opaque, vars) : undefined;
}
