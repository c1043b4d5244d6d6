// Files a one-liner writes because the line names them as its arguments: python3 -c 'open(sys.argv[1], "w")…' ~/.bashrc,
// node -e 'fs.appendFileSync(process.argv[1], …)' ~/.profile, ruby -e 'File.write(ARGV[0], …)', php -r '…$argv[1]…'.
// The code's own literals are read by codePaths; the target here is an operand of the line, so the code alone shows no
// path. Code that both writes files and reads its argument vector may write any operand it is given: each is judged as
// a write there (a startup file is persistence, a credential a protected path, elsewhere outside the project).
import { inlineCodeOf } from './interpreter-code.js';
import { writesFiles } from './interpreters.js';

// The argument vector in each language's spelling — by its name wherever it stands, not only behind its module: imported
// (from sys import argv, import sys as s; s.argv, sys.orig_argv), destructured (const {argv} = process), looked up
// (process["argv"], require("process").argv, $_SERVER["argv"]) — and the languages' own short forms: Ruby's $*, Lua's
// arg table.
const ARGV = /\b(?:orig_)?argv\b|\bDeno\.args\b|(?<![\w$@])ARGV\b|[$@]ARGV\b|\bcommandArgs\s*\(|\bfileinput\b/;
const OWN_ARGV: Readonly<Record<string, RegExp>> = {
  // (…and ARGF, also spelled $<, whose filename is the operand being read: File.write(ARGF.filename, …).)
  ruby: /\$\*|\$<|\bARGF\b/,
  // (Perl's shift and pop with no array, outside a sub, take from @ARGV.)
  perl: /\b(?:shift|pop)\b(?!\s*\(?\s*[@$])/,
  // (The arg table however it is walked: arg[1], ipairs(arg), table.unpack(arg).)
  lua: /\barg\b(?!\s*=)/,
};

// An operand only read — json.load(open(sys.argv[1])), fs.readFileSync(process.argv[1]), File.read(ARGV[0]),
// file_get_contents($argv[1]) — is an input: code that reads its argument there and writes a file of its own
// (open("out.json", "w")) writes no operand. (Any other use of the vector is still read as a possible target.)
const READ_ONLY_USE = new RegExp([
  String.raw`\bopen\(\s*(?:\w+\.)?argv\[\s*-?\d+\s*\]\s*(?:,\s*(?:mode\s*=\s*)?["']r[bt]?["']\s*)?(?:,\s*encoding\s*=\s*["'][\w-]+["']\s*)?\)`,
  String.raw`\bPath\(\s*(?:\w+\.)?argv\[\s*-?\d+\s*\]\s*\)\.read_(?:text|bytes)\(`,
  String.raw`\b(?:readFileSync|createReadStream)\(\s*process\.argv\[\s*\d+\s*\]\s*(?=[,)])`,
  String.raw`\bFile\.(?:read|readlines|foreach|binread)\(\s*ARGV\[\s*-?\d+\s*\]\s*(?=[,)])`,
  String.raw`\b(?:file_get_contents|file)\(\s*\$argv\[\s*\d+\s*\]\s*\)`,
].join('|'), 'g');

/** The operands a one-liner given inline (or on stdin after `-`) may write: its arguments, when its code writes files and
 *  reads its argument vector; only words known before the line runs (a computed one is judged where it is computed). */
export function argvWrites(lang: string, args: readonly string[], code: string | undefined, fromStdin: boolean): string[] {
  if (code === undefined || !writesFiles(code)) return [];
  const rest0 = code.replace(READ_ONLY_USE, '');
  if (!ARGV.test(rest0) && !OWN_ARGV[lang]?.test(rest0)) return [];
  const inline = inlineCodeOf(lang, args);
  const at = inline.code !== undefined ? inline.index : fromStdin ? args.indexOf('-') : undefined;
  if (at === undefined || at < 0) return [];
  const rest = args.slice(at + 1);
  return (rest[0] === '--' ? rest.slice(1) : rest).filter((a) => a !== '' && !a.startsWith('-') && !/[$`]/.test(a));
}
