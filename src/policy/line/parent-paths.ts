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

/** Each rewrite: a form that names a path, and the literal (or Path(literal)) it names. */
const FOLDS: [RegExp, (m: string[]) => string][] = [
  // The working directory and its parent by name.
  [/\b(?:os\.getcwd|os\.getcwdb|process\.cwd|Dir\.getwd|Dir\.pwd)\b(?:\(\s*\))?|\bos\.curdir\b/g, () => '"."'],
  [/\bos\.pardir\b/g, () => '".."'],
  [/\b(?:pathlib\.)?Path\.cwd\(\s*\)/g, () => 'Path(".")'],
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
    if (next === code) return code;
    code = next;
  }
  return code;
}
