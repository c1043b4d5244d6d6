// Files a one-liner writes because the line names them as its arguments: python3 -c 'open(sys.argv[1], "w")…' ~/.bashrc,
// node -e 'fs.appendFileSync(process.argv[1], …)' ~/.profile, ruby -e 'File.write(ARGV[0], …)', php -r '…$argv[1]…'.
// The code's own literals are read by codePaths; the target here is an operand of the line, so the code alone shows no
// path. Code that both writes files and reads its argument vector may write any operand it is given: each is judged as
// a write there (a startup file is persistence, a credential a protected path, elsewhere outside the project).
import { inlineCodeOf } from './interpreter-code.js';
import { writesFiles } from './interpreters.js';

// The argument vector in each language's spelling.
const ARGV = /\bsys\.argv\b|\bprocess\.argv\b|\bBun\.argv\b|\bDeno\.args\b|(?<![\w$@])ARGV\b|[$@]ARGV\b|\$argv\b|\bcommandArgs\s*\(|\bfileinput\b/;

/** The operands a one-liner given inline (or on stdin after `-`) may write: its arguments, when its code writes files and
 *  reads its argument vector; only words known before the line runs (a computed one is judged where it is computed). */
export function argvWrites(lang: string, args: readonly string[], code: string | undefined, fromStdin: boolean): string[] {
  if (code === undefined || !ARGV.test(code) || !writesFiles(code)) return [];
  const inline = inlineCodeOf(lang, args);
  const at = inline.code !== undefined ? inline.index : fromStdin ? args.indexOf('-') : undefined;
  if (at === undefined || at < 0) return [];
  const rest = args.slice(at + 1);
  return (rest[0] === '--' ? rest.slice(1) : rest).filter((a) => a !== '' && !a.startsWith('-') && !/[$`]/.test(a));
}
