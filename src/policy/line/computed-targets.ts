// Files code writes at a place it computes. Folding (parent-paths.ts) turns the paths the judge can read into
// literals, which the path checks then judge; it narrows a verdict, it is not the gate. A write whose target is
// still an expression is not understood: where the code also names the working directory's parent or the home
// directory (the project's parent is HOME, where startup files and credentials live), or builds the target with a
// call the judge has no model of (site.getusersitepackages() + "a.pth"), a person decides.

/** A plain literal, or Path(literal), or the program's arguments (judged on the line): a target that is read. */
const READ_TARGET0 = /^\s*(?:(?:(?:pathlib\.)?Path|Pathname)(?:\.new)?\(\s*)?(?:"[^"\\$#{}]*"|'[^'\\]*')\s*\)?\s*$|^\s*(?:sys\.argv|process\.argv|ARGV|\$ARGV)\s*\[\s*\d+\s*\]\s*$|^\s*\$ARGV\[\d+\]\s*$/;

const READ_TARGET = { test: (t: string): boolean => READ_TARGET0.test(unwrapped(t)) };
/** An expression without the parentheses around it: ((Path("a"))) → Path("a"). */
function unwrapped(t: string): string {
  let s = t.trim();
  while (/^\(.*\)$/s.test(s) && argsAt(s, 0)?.length === 1 && argsAt(s, 0)![0]!.length === s.length - 2) s = s.slice(1, -1).trim();
  return s;
}

/** Calls that write, move, copy onto or change the mode of a file, by the argument that is the target. */
const HEADS: [RegExp, number][] = [
  [/\b(?:writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|truncateSync|chmodSync|chownSync|file_put_contents|File\.write|File\.binwrite|IO\.write|IO\.binwrite|Bun\.write|Deno\.writeTextFile(?:Sync)?|Deno\.writeFile(?:Sync)?|os\.chmod|os\.chown|os\.lchown|FileUtils\.touch)\s*\(|(?<![.\w$])touch\s*\(/g, 0],
  [/\b(?:copyFileSync|copyFile|cpSync|renameSync|symlinkSync|linkSync|shutil\.copy\w*|shutil\.move|os\.rename|os\.renames|os\.replace|os\.symlink|os\.link|FileUtils\.(?:cp|mv|ln|ln_s|install|copy|move)\w*|File\.(?:rename|symlink|link)|File\.chmod|File\.chown)\s*\(|(?<![.\w$])(?:copy|move|rename|link|symlink|chmod)\s*\(/g, 1],
];
/** open-like calls: a target, written where the mode says so (Python's open(P, "a"), node's openSync(P, "w"), PHP's fopen). */
const OPENS = /\b(?:open|io\.open|codecs\.open|openSync|fopen|File\.open|File\.new)\s*\(/g;
/** Methods whose receiver is the path written: Path(…).write_text(…), (p / "x").write_bytes(…), Ruby's (Pathname … + "x").write(…). */
const METHODS = /\.\s*(write_text|write_bytes|touch|symlink_to|hardlink_to|chmod|write|binwrite)\s*\(/g;

/** The text of a call's arguments from the opening parenthesis at `open`, split at top-level commas. */
export function argsAt(code: string, open: number): string[] | undefined {
  let depth = 0;
  let quote = '';
  const out: string[] = [];
  let cur = '';
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') cur += code[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; cur += c; continue; }
    if ('([{'.includes(c)) { depth++; if (depth === 1) continue; }
    if (')]}'.includes(c)) { depth--; if (depth === 0) { out.push(cur); return out; } }
    if (c === ',' && depth === 1) { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  return undefined;
}

/** The receiver of a method called at `dot`: a parenthesized group with the call before it, or a dotted name. */
function receiverAt(code: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /\s/.test(code[i]!)) i--;
  let end = i + 1;
  if (code[i] === ')') {
    let depth = 0;
    for (; i >= 0; i--) {
      if (code[i] === ')') depth++;
      else if (code[i] === '(' && --depth === 0) break;
    }
    end = Math.max(end, 0);
  }
  let start = i;
  while (start > 0 && /[\w.$]/.test(code[start - 1]!)) start--;
  return code.slice(Math.max(start, 0), end);
}

/** Names assigned once in the code, with what they are assigned (p = Path.cwd().parent → p: Path.cwd().parent). */
export function assignments(code: string): Map<string, string> {
  const seen = new Map<string, string[]>();
  for (const m of code.matchAll(/(?:^|[;\n{]|\b(?:const|let|var|my)\s)\s*(\$?[A-Za-z_]\w*)\s*=(?!=)\s*([^;\n]+?)\s*(?=;|\n|$)/g)) seen.set(m[1]!, [...(seen.get(m[1]!) ?? []), m[2]!]);
  return new Map([...seen].filter(([, v]) => v.length === 1).map(([k, v]) => [k, v[0]!]));
}

/** An expression with the names the code assigned once replaced by what they hold (a few levels deep). */
export function expand(expr: string, held: Map<string, string>): string {
  for (let round = 0; round < 4; round++) {
    const next = expr.replace(/(?<![.\w$'"])(\$?[A-Za-z_]\w*)(?![\w$'"])/g, (n: string) => (held.has(n) ? `(${held.get(n)})` : n));
    if (next === expr) return expr;
    expr = next;
  }
  return expr;
}

/** Calls that read a file, by the argument that names it (open-like calls without a writing mode are reads too). */
const READS = /\b(?:readFileSync|readFile|createReadStream|File\.read|File\.readlines|File\.binread|IO\.read|IO\.readlines|File\.foreach|file_get_contents|readfile|Bun\.file|Deno\.readTextFile(?:Sync)?|Deno\.readFile(?:Sync)?|slurp)\s*\(/g;

/** Every path expression the code reads from. */
export function readTargets(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(READS)) {
    const args = argsAt(code, m.index! + m[0].length - 1);
    if (args?.[0] !== undefined) out.push(args[0]);
  }
  for (const m of code.matchAll(OPENS)) {
    const args = argsAt(code, m.index! + m[0].length - 1);
    if (!args?.length || args.length > 1 && !/^\s*(?:(?:mode\s*[=:]\s*)?["'][rbtU]*["']|encoding\s*[=:])/.test(args[1]!)) continue;
    out.push(args[0]!);
  }
  for (const m of code.matchAll(/\.\s*(?:read_text|read_bytes|read|binread)\s*\(/g)) {
    const recv = receiverAt(code, m.index!);
    if (/^(?:\(|Path|Pathname)/.test(recv.trim()) && !/^\s*(?:open|File\.open|io\.open|fopen|sys\.std\w+)\b/.test(recv)) out.push(recv);
  }
  return out;
}

/** A call in a path expression that the judge has no model of (a name, so the note can say which). */
function unmodeledCall(targets: string[], held: Map<string, string>): string | undefined {
  const calls = targets.filter((t) => !READ_TARGET.test(t)).map((t) => expand(t, held))
    .flatMap((t) => [...t.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').matchAll(/([\w.$]+)\s*\(/g)].map((c) => c[1]!));
  return calls.find((c) => !MODELED.test(c.replace(/^.*\./, '')) && !/^(os\.path|path|posixpath|File|Dir|fs|pathlib)$/.test(c));
}

/** What code reads from a place it builds with a call the judge does not model (site.…(), a decoder it has no reader for). */
export function unmodeledRead(code: string): string | undefined {
  return unmodeledCall(readTargets(code), assignments(code));
}

/** Every path expression the code writes to (before asking which are understood). */
export function writeTargets(code: string): string[] {
  const out: string[] = [];
  for (const [re, at] of HEADS) for (const m of code.matchAll(re)) {
    const args = argsAt(code, m.index! + m[0].length - 1);
    if (args?.[at] !== undefined) out.push(args[at]!);
  }
  for (const m of code.matchAll(OPENS)) {
    const args = argsAt(code, m.index! + m[0].length - 1);
    if (!args?.length) continue;
    // Perl's open(F, ">>", P) and open(F, ">>P"): the mode is a word of its own or leads the path.
    const perlMode = /^\s*(["'])\s*(\+?[<>]{1,2}|\+<)\s*\1\s*$/.exec(args[1] ?? '');
    if (perlMode) { if (/>|\+/.test(perlMode[2]!) && args[2] !== undefined) out.push(args[2]); continue; }
    const inline = /^\s*(["'])\s*(>>?|\+[<>])\s*([^"']*)\1\s*$/.exec(args[1] ?? '');
    if (inline) { out.push(`"${inline[3]}"`); continue; }
    const mode = args.slice(1).find((a) => /^\s*(?:(?:mode|flags?)\s*[=:]\s*)?["'][rbtU]*[wax+]/.test(a));
    if (mode !== undefined) out.push(args[0]!);
  }
  for (const m of code.matchAll(METHODS)) {
    const recv = receiverAt(code, m.index!);
    // (A file handle's write — f.write(…), sys.stdout.write(…), open(…).write(…) — writes where it was opened, judged there.)
    if (/^(write|binwrite|chmod)$/.test(m[1]!) && !/^(?:\(|Path|Pathname)/.test(recv.trim())) continue;
    if (/^\s*(?:open|File\.open|io\.open|fopen|sys\.std\w+)\b/.test(recv) || /^\s*(?:os|fs|FileUtils|File|Dir|shutil|pathlib|Path|Pathname|IO)?\s*$/.test(recv)) continue;
    out.push(recv);
  }
  return out;
}

/** The working directory's parent or the home directory, named in any spelling (the code's strings included). (A split at a
 *  literal separator that holds no slash — line.split('=')[0] — cuts text, not a path.) */
export const NAMES_OUTSIDE = /["'`/]\.\.(?=[/"'`]|$)|\bos\.pardir\b|\.parents?\b|\bdirname\b|\bsplit\s*\((?!\s*(["'])[^"'/\\]*\1\s*[,)])[^;\n]*\[\s*(?:0|:\s*-\d+)\s*\]|\brsplit\b|expanduser|expand_path|Path\.home|homedir|\bHOME\b|USERPROFILE|Dir\.home|getcwd|\bcwd\b|\bPWD\b|__dirname|\bpwd\b|["'`]~(?=[/"'`])/;
/** Calls that build or pick a path the way the judge reads it (joins, name changes, temp and listing calls, values; a module
 *  loaded by name — path = require("path") held and expanded — is no place). */
const MODELED = /^(require|import|__import__|join|joinpath|resolve|normalize|normpath|abspath|realpath|relpath|dirname|basename|Path|PurePath|PosixPath|Pathname|new|str|String|format|replace|strip|lstrip|rstrip|trim|lower|upper|toLowerCase|toUpperCase|with_suffix|with_name|with_stem|int|len|range|enumerate|zip|sorted|reversed|next|iter|min|max|strftime|now|today|isoformat|toISOString|Date|uuid4|uuid1|hex|get|getenv|fetch|mkdtemp|mkdtempSync|gettempdir|tmpdir|mktemp|mkstemp|glob|iglob|globSync|listdir|readdirSync|iterdir|scandir|walk|children|entries|split|rsplit|slice|substring|sub|gsub|pop|shift|keys|values|items|expanduser|expand_path|home|homedir|cwd|getcwd|pwd|parent|absolute|stem|suffix|name|to_s|toString|padStart|zfill|encode|decode|time|random|randint|choice|hash|digest|hexdigest|sha256|md5)$/;

/** A read of the environment, in each language's spelling. */
const ENVIRONMENT = /\b(?:environ|getenv|environb)\b|\bprocess\.env\b|\bENV\s*\[|\$ENV\s*\{|\bDeno\.env\b|\bSys\.getenv\b/;

/** What code writes at a place it computes: whether the code names the project's parent or HOME, and a call the judge does not model in a target. */
/** A literal directory below the working directory: 'src', "packages/api", not '..', '/etc', '~/x' or 'a/../..'. */
// (…nor a brace list naming one: '{/home/u/.ssh,src}/**' lists HOME's keys as well.)
const PROJECT_DIR = String.raw`(?:"(?![/~])(?![^"]*\.\.)(?![^"]*[{,][/~])[\w./*?{},[\]-]*"|'(?![/~])(?![^']*\.\.)(?![^']*[{,][/~])[\w./*?{},[\]-]*')`;
/** A loop over what a listing of such a directory yields (Path('src').rglob('*.ts'), glob.glob('src/**', recursive=True),
 *  globSync('src/**'), Dir.glob('lib/**')), binding NAME. A name it holds is a file below the working directory. */
const LISTED_LOOP = (name: string): RegExp => new RegExp(String.raw`\bfor\s*\(?\s*(?:(?:const|let|var)\s+)?${name}\s+(?:in|of)\s+(?:(?:pathlib\.)?Path\(\s*${PROJECT_DIR}\s*\)\s*\.\s*(?:r?glob\(\s*${PROJECT_DIR}\s*\)|iterdir\(\s*\))|(?:glob\.i?glob|globSync|glob\.sync|fg\.sync|Dir\.glob)\(\s*${PROJECT_DIR}\s*(?:,\s*recursive\s*=\s*True\s*)?\))\s*[:)]`);

/** Whether NAME holds only what a listed loop (LISTED_LOOP) gives it: that loop is the one place code binds NAME — no second
 *  loop or comprehension over anything else, no assignment (a, NAME = …, NAME: Path = …, :=, +=), no `as NAME`, no parameter
 *  of a def or lambda, no global — and the code does not move its working directory (os.chdir('..'), process.chdir(home)),
 *  which is what the listing's relative directory is read from. */
function listedOnly(name: string, code: string): boolean {
  if (!LISTED_LOOP(name).test(code) || /\bchdir\s*\(/.test(code)) return false;
  const n = String.raw`(?<![\w.])${name}(?![\w])`;
  const loops = code.match(new RegExp(String.raw`\bfor\s*\(?\s*(?:(?:const|let|var)\s+)?[\w\s,()[\]*]*?${n}[\w\s,()[\]*]*?\s(?:in|of)\s`, 'g')) ?? [];
  const rebound = new RegExp([
    String.raw`${n}\s*(?::=|[-+*/|&]?=(?!=))`,
    String.raw`(?:^|[\n;])\s*[\w\s,.()[\]*]*${n}[\w\s,.()[\]*]*(?::[^=\n]+)?=(?!=)`,
    String.raw`\bas\s+${n}`,
    String.raw`(?:\bdef\s+\w+\s*\(|\blambda\b|\bfunction\b[^(]*\(|=>)[^)\n:]*${n}|${n}\s*=>`,
    String.raw`\b(?:global|nonlocal)\s+[\w\s,]*${n}`,
  ].join('|'));
  return loops.length === 1 && !rebound.test(code);
}

/** What code writes at a place it computes: whether the code names the project's parent or HOME, and a call the judge does not model in a target. */
export function computedWrites(code: string, original: string): { outward: boolean; unmodeled?: string } {
  // (A codemod's loop variable over a listing of a project directory is a project file, whatever text the code replaces in it:
  // s.replace("from '../../utils/", …) names no place.)
  // (…and a name assigned once the program's argument or a literal — const f = process.argv[1] — is that target.)
  const held = assignments(code);
  const targets = writeTargets(code).filter((t) => !READ_TARGET.test(t) && !READ_TARGET.test(expand(t, held)) && !(/^\s*[A-Za-z_]\w*\s*$/.test(t) && listedOnly(t.trim(), code)));
  if (!targets.length) return { outward: false };
  // (…or one read from the environment — open(os.environ["T"], "a"), t = getenv("T").split("=")[0]: any path at all.)
  return { outward: NAMES_OUTSIDE.test(original) || targets.some((t) => ENVIRONMENT.test(expand(t, held))), unmodeled: unmodeledCall(targets, held) };
}

/**
 * The literal paths code writes, when every call that writes names its target as a literal or as the program's argument
 * (const f = process.argv[1]; fs.writeFileSync(f, …)) and the code writes by no other means; undefined otherwise. Then the
 * other path-like strings it holds — a tsconfig value "../*\/src" it sets — are values, not places it writes.
 */
export function literalWriteTargets(code: string, writeApi: RegExp): string[] | undefined {
  const held = assignments(code);
  // (A copy, move or link names two places: its source is taken, moved away or linked to as well — copy(".env", URL).)
  const sources: string[] = [];
  for (const m of code.matchAll(HEADS[1]![0])) { const a = argsAt(code, m.index! + m[0].length - 1); if (a?.[0] !== undefined) sources.push(a[0]); }
  const targets = [...writeTargets(code), ...sources].map((t) => unwrapped(expand(t, held)));
  // (…and a URL is no file: what a copy sends there is not read here.)
  if (!targets.length || !targets.every((t) => READ_TARGET.test(t) && !/^\s*["'][a-z][\w+.-]*:/i.test(t))) return undefined;
  // (Nothing else in the code writes: with the calls read above blanked, no writing API is left.)
  let rest = code.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  for (const [re] of HEADS) rest = rest.replace(re, '(');
  rest = rest.replace(OPENS, '(').replace(METHODS, '.(');
  if (writeApi.test(rest)) return undefined;
  return targets.map((t) => /^\s*(?:(?:Path|Pathname)(?:\.new)?\(\s*)?["']([^"']*)["']/.exec(t)?.[1]).filter((t): t is string => t !== undefined);
}

/** The same for reads: the literal paths code reads, when every call that reads names a literal or the program's argument
 *  (fs.readFileSync(f) with f = process.argv[1], json.load(open(sys.argv[1]))) and nothing else in it reads; else undefined. */
export function literalReadTargets(code: string, readApi: RegExp): string[] | undefined {
  const held = assignments(code);
  const targets = readTargets(code).map((t) => unwrapped(expand(t, held)));
  if (!targets.length || !targets.every((t) => READ_TARGET.test(t))) return undefined;
  const rest = code.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""').replace(READS, '(').replace(OPENS, '(').replace(/\.\s*(?:read_text|read_bytes|read|binread)\s*\(/g, '.(');
  if (readApi.test(rest)) return undefined;
  return targets.map((t) => /^\s*(?:(?:Path|Pathname)(?:\.new)?\(\s*)?["']([^"']*)["']/.exec(t)?.[1]).filter((t): t is string => t !== undefined);
}
