// Paths code builds from the working directory and literal parts, folded into the one literal they
// name: Path.cwd().parent / ".bashrc", os.path.join(os.path.dirname(os.getcwd()), ".bashrc"),
// path.join(path.dirname(process.cwd()), ".profile"), File.join(File.dirname(Dir.pwd), ".bashrc"),
// path.join("..", ".bashrc") and Path("..", ".bashrc") all become "../.bashrc". A relative literal is
// then judged against the project like the same word on a shell line: the project's parent is HOME,
// so these reach the startup files and credentials there.

const S = String.raw`(?:"([^"\\\n]*)"|'([^'\\\n]*)')`; // one plain literal (its text in one of two groups)
const S0 = String.raw`(?:"[^"\\\n]*"|'[^'\\\n]*')`; // the same without groups
const LITS = String.raw`(${S0}(?:\s*,\s*${S0})*)`; // a list of them, as one group
const LITS2 = String.raw`(${S0}(?:\s*,\s*${S0})+)`; // two or more
const lit = (m: string[], at: number): string => m[at] ?? m[at + 1] ?? '';
const partsOrSelf = (g: string): string[] => (/^\s*["']/.test(g) ? partsOf(g) : [g]);
const partsOf = (list: string): string[] => [...list.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'/g)].map((x) => x[1] ?? x[2] ?? '');

/** Joins path parts as the path modules do (an absolute part starts over) and resolves `.` and `..` by their text. */
export function joinParts(parts: string[]): string {
  const out: string[] = [];
  let root = '';
  for (const part of parts) {
    if (part.startsWith('/') || part.startsWith('~')) { out.length = 0; root = part.startsWith('/') ? '/' : ''; }
    for (const seg of part.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..' && out.length && out.at(-1) !== '..' && out.at(-1) !== '~') out.pop();
      else if (!(seg === '..' && root === '/' && !out.length)) out.push(seg);
    }
  }
  const path = root + (out.join('/') || (root ? '' : '.'));
  // (A relative path keeps the ./ it was written with, so it still reads as a path: Path("./out", "a.txt").)
  return !root && /^\.\.?\//.test(parts[0] ?? '') && !/^(\.\.|~)(\/|$)/.test(path) && path !== '.' ? `./${path}` : path;
}

const q = (p: string): string => JSON.stringify(p);
/** (A URL or a drive is no path to join: "https://host" + "x" is left as written.) */
const foreign = (parts: string[]): boolean => parts.some((p) => /^[a-z][\w+.-]*:/i.test(p));

/** The literal a folded expression came to ("a" or Path("a")), if it is one. */
const folded = (expr: string): string | undefined => new RegExp(String.raw`^\s*(?:(?:pathlib\.)?Path\(\s*${S}\s*\)|${S})\s*$`).exec(foldPathExpressions(expr))?.slice(1).find((x) => x !== undefined);
/** A path prefix and the literal text after it, as one literal ("." and "/../.bashrc" → "../.bashrc"). */
const prefixed = (m: string, hole: string, rest: string): string => {
  const head = folded(hole);
  return head === undefined || /["'`\\{}$#]/.test(rest) ? m : q(joinParts([head, rest.replace(/^\/+/, '')]));
};
// The working directory by the names code reads it by: the call, its environment variable (PWD), Ruby's Pathname.pwd.
const CWD = String.raw`(?:\b(?:os\.getcwdb?|process\.cwd|Dir\.getwd|Dir\.pwd)\b(?:\(\s*\))?|\bos\.curdir\b|\bos\.(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)["']PWD["']\s*[\])]|\bprocess\.env(?:\.PWD\b|\[\s*["']PWD["']\s*\])|\bENV\[\s*["']PWD["']\s*\]|\$ENV\{PWD\}|(?<![.\w$])(?:getcwd|cwd)\(\s*\))`;

/** Each rewrite: a form that names a path, and the literal (or Path(literal)) it names. */
const FOLDS: [RegExp, (m: string[]) => string][] = [
  // A path formatted from a path expression and literal text: f"{os.getcwd()}/../x", `${process.cwd()}/../x`,
  // "#{Dir.pwd}/../x" (Ruby), "$ENV{PWD}/../x" (Perl), "%s/../x" % os.getcwd(), "{}/../x".format(os.getcwd()).
  [/\bf(["'])\{([^{}"']*(?:(["'])[^"']*\3[^{}"']*)*)\}([^"'{}]*)\1/g, (m) => prefixed(m[0]!, m[2]!, m[4]!)],
  [/`\$\{([^{}`]*)\}([^`$]*)`/g, (m) => prefixed(m[0]!, m[1]!, m[2]!)],
  [/"#\{([^{}"]*(?:'[^']*'[^{}"]*)*)\}([^"#]*)"/g, (m) => prefixed(m[0]!, m[1]!, m[2]!)],
  [/"(\$ENV\{PWD\}|\$ENV\{HOME\})([^"$@]*)"/g, (m) => (m[1] === '$ENV{PWD}' ? prefixed(m[0]!, 'os.getcwd()', m[2]!) : m[0]!)],
  [/(["'])%s([^"'%]*)\1\s*%\s*(?:\(\s*([\w.]+(?:\([^()]*\))?(?:\.parent)?)\s*,?\s*\)|([\w.]+(?:\([^()]*\))?(?:\.parent)?))(?![\w.(\[])/g, (m) => prefixed(m[0]!, m[3] ?? m[4]!, m[2]!)],
  [/(["'])\{\}([^"'{}]*)\1\.format\(\s*([\w.]+(?:\([^()]*\))?(?:\.parent)?)\s*\)/g, (m) => prefixed(m[0]!, m[3]!, m[2]!)],
  // The working directory and its parent by name.
  [new RegExp(CWD, 'g'), () => '"."'],
  [/\bos\.pardir\b/g, () => '".."'],
  [/\b(?:pathlib\.)?Path\.cwd\(\s*\)/g, () => 'Path(".")'],
  // Where Python loads start-up hooks from (site-packages: a .pth there runs at every start): the user's and the system's.
  [/\bsite\.(?:getusersitepackages\(\s*\)|USER_SITE\b)/g, () => '"~/.local/lib/python3/site-packages"'],
  [/\bsite\.getsitepackages\(\s*\)(?:\s*\[\s*-?\d+\s*\])?|\bsysconfig\.get_path\(\s*["'](?:pure|plat)lib["']\s*\)|\bsysconfig\.get_paths\(\s*\)\s*\[\s*["'](?:pure|plat)lib["']\s*\]/g, () => '"/usr/lib/python3/site-packages"'],
  // os.path.split("a")[0], "a".rsplit("/", 1)[0], Pathname("a").parent, Pathname.new("a"): the parent, the path.
  [new RegExp(String.raw`\b(?:os\.path\.|posixpath\.)split\(\s*${S}\s*\)\s*\[\s*0\s*\]`, 'g'), (m) => q(joinParts([lit(m, 1), '..']))],
  [new RegExp(String.raw`${S}\.rsplit\(\s*["']/["']\s*,\s*1\s*\)\s*\[\s*0\s*\]`, 'g'), (m) => q(joinParts([lit(m, 1), '..']))],
  [new RegExp(String.raw`\bPathname(?:\.new)?\(\s*${S}\s*\)`, 'g'), (m) => `Path(${q(lit(m, 1))})`],
  [/\bPathname\.(?:pwd|getwd)\b/g, () => 'Path(".")'],
  [new RegExp(String.raw`\bPath\(\s*${S}\s*\)\s*\+\s*${S}`, 'g'), (m) => `Path(${q(joinParts([lit(m, 1), lit(m, 3)]))})`],
  [new RegExp(String.raw`\bstr\(\s*Path\(\s*${S}\s*\)\s*\)`, 'g'), (m) => q(lit(m, 1))],
  // "/".join(["a", "b"]), os.sep.join([…]), ["a", "b"].join("/"): a join of literals with the separator.
  [new RegExp(String.raw`(?:\bos\.sep|["']/["'])\.join\(\s*[\[(]\s*${LITS}\s*,?\s*[\])]\s*\)`, 'g'), (m) => q(joinParts(partsOf(m[1]!)))],
  [new RegExp(String.raw`\[\s*${LITS}\s*,?\s*\]\.join\(\s*["']/["']\s*\)`, 'g'), (m) => q(joinParts(partsOf(m[1]!)))],
  // Path("a").parent, Path("a").resolve(), Path("a").absolute()
  [new RegExp(String.raw`\b(?:pathlib\.)?Path\(\s*${S}\s*\)\.parent\b(?!\s*\()`, 'g'), (m) => `Path(${q(joinParts([lit(m, 1), '..']))})`],
  [new RegExp(String.raw`\b(?:pathlib\.)?Path\(\s*${S}\s*\)\.(?:resolve|absolute)\(\s*\)`, 'g'), (m) => `Path(${q(joinParts([lit(m, 1)]))})`],
  // Path("a", "b"), Path("a") / "b", Path("a").joinpath("b", "c")
  [new RegExp(String.raw`\b(?:pathlib\.)?Path\(\s*${LITS2}\s*\)`, 'g'), (m) => `Path(${q(joinParts(partsOf(m[1]!)))})`],
  [new RegExp(String.raw`\bPath\(\s*${S}\s*\)\s*/\s*${S}`, 'g'), (m) => `Path(${q(joinParts([lit(m, 1), lit(m, 3)]))})`],
  [new RegExp(String.raw`\bPath\(\s*${S}\s*\)\.joinpath\(\s*${LITS}\s*\)`, 'g'), (m) => `Path(${q(joinParts([lit(m, 1), ...partsOf(m[3]!)]))})`],
  // os.path.dirname("a"), path.dirname("a"), File.dirname("a"); os.path.abspath("a"), File.expand_path("a")
  [new RegExp(String.raw`(?:\brequire\(\s*["'](?:node:)?path["']\s*\)\.|\b(?:os\.path\.|posixpath\.|File\.|[\w$]+\.)?)dirname\(\s*${S}\s*\)`, 'g'), (m) => q(joinParts([lit(m, 1), '..']))],
  [new RegExp(String.raw`\b(?:os\.path\.(?:abspath|normpath|realpath)|File\.(?:expand_path|absolute_path|realpath))\(\s*${S}\s*\)`, 'g'), (m) => q(joinParts([lit(m, 1)])) ],
  // os.path.join("a", "b"), path.join(…), path.resolve(…), File.join(…): a join of literals
  [new RegExp(String.raw`(?:\brequire\(\s*["'](?:node:)?path["']\s*\)|\b(?:os\.path|posixpath|File|[\w$]+))\.(?:join|resolve)\(\s*${LITS}\s*\)`, 'g'), (m) => q(joinParts(partsOf(m[1]!)))],
];

/**
 * Code with the paths it builds from the working directory and literal parts written as one literal
 * each (relative to the working directory), so the path checks read them like any other literal.
 */
export function foldPathExpressions(code: string): string {
  // (A fold can open the way for the one around it: dirname(getcwd()) inside a join.)
  for (let round = 0; round < 6; round++) {
    let next = code;
    for (const [re, to] of FOLDS) next = next.replace(re, (...m: string[]) => (foreign(m.slice(1, -2).filter((x) => typeof x === 'string').flatMap(partsOrSelf)) ? m[0]! : to(m)));
    next = heldPaths(next);
    if (next === code) return code;
    code = next;
  }
  return code;
}

/**
 * A name assigned once to a path that folds to a literal (p = os.getcwd(); p = Path.cwd().parent; my $d = "…") stands
 * for that literal wherever the code uses it after the assignment: os.path.join(p, "..", "x") folds as the literal would.
 */
function heldPaths(code: string): string {
  for (const m of code.matchAll(/(^|[;\n{]|\b(?:const|let|var|my)\s)\s*(\$?[A-Za-z_]\w*)\s*=(?!=)\s*([^;\n]+?)\s*(?=;|\n|$)/g)) {
    const name = m[2]!;
    const esc = name.replace(/\$/g, '\\$');
    const uses = new RegExp(`(?<![.\\w$])${esc}(?![\\w$])`, 'g');
    // (Assigned once: no second `p =`, `p +=`, `p /=`, nor a loop or parameter of that name.)
    if ([...code.matchAll(new RegExp(`(?<![.\\w$])${esc}\\s*(?:[-+*/|&]?=(?!=)|\\bin\\b|\\bof\\b)|\\bfor\\s*\\(?\\s*(?:const|let|var|my)?\\s*${esc}\\b|\\(\\s*${esc}\\s*\\)\\s*=>|\\blambda\\b[^:]*\\b${esc}\\b`, 'g'))].length !== 1) continue;
    const value = folded(m[3]!);
    if (value === undefined || /^\s*(["']).*\1\s*$/.test(m[3]!) && !/\.\.|^\.$/.test(value)) continue;
    const end = m.index! + m[0].length;
    const form = /^\s*(?:pathlib\.)?Path\(/.test(foldPathExpressions(m[3]!)) ? `Path(${q(value)})` : q(value);
    // (Only outside string literals: the name's letters inside a string are text.)
    const after = code.slice(end).split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/).map((part, k) => (k % 2 ? part : part.replace(uses, form))).join('');
    if (after !== code.slice(end)) return code.slice(0, end) + after;
  }
  return code;
}
