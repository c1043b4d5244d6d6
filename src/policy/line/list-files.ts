// Options whose value names a file the program reads and then shows: a list of names (wc/du/sort --files0-from,
// file -f, tar -T) whose every line comes back in a "cannot open 'LINE'" error, a list of patterns (--exclude-from,
// -X) echoed the same way, or a file compared (diff --from-file/--to-file) whose lines make up the diff. Whatever the
// program — even one that otherwise prints only counts or types (wc, du, file) — the value is read into its output.
import { FULL_LONG } from '../long-options.js';

// (The long names, any program.)
const LONG = ['files0-from', 'files-from', 'from-file', 'to-file', 'exclude-from', 'include-from'];
// (The short spellings, by program: file -f, tar -T/-X, diff's and du's -X.)
const SHORT: Record<string, string> = { file: 'f', tar: 'TX', bsdtar: 'TX', diff: 'X', du: 'X' };

/** The long option a word names in program NAME, as getopt_long reads it: for a program whose whole list is known, the
 *  one option the prefix is unambiguous for (wc --f is --files0-from, du --ex is two options and so none); for another,
 *  a prefix that reaches the second word of a list option (--files0-fr, --exclude-f) or --files0, which nothing else
 *  begins with — a first word alone (--exclude, --file, --from) is an option of its own in most programs. */
function longName(name: string, n: string): string | undefined {
  const full = FULL_LONG[name];
  if (full) {
    if (full.includes(n)) return n;
    const hits = full.filter((o) => o.startsWith(n));
    return hits.length === 1 ? hits[0] : undefined;
  }
  return LONG.find((o) => o === n || (o.startsWith(n) && ((n.includes('-') && !n.endsWith('-')) || n === 'files0')));
}

/** The files named by `args`' list-file options (`-` and /dev/stdin included: stdin is the list then). */
export function listFiles(name: string, args: readonly string[]): string[] {
  const out: string[] = [];
  const short = SHORT[name] ?? '';
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') break;
    const long = /^--([\w-]+)(?:=(.*))?$/s.exec(a);
    if (long) {
      const o = longName(name, long[1]!);
      if (o === undefined || !LONG.includes(o)) continue;
      const v = long[2] ?? args[++k];
      if (v !== undefined) out.push(v);
      continue;
    }
    // (-f F, -fF, and the letter last in a cluster: file -bf F.)
    const m = short === '' ? null : new RegExp(`^-[a-zA-Z]*?([${short}])(.*)$`, 's').exec(a);
    if (m === null || a.startsWith('--')) continue;
    const v = m[2] !== '' ? m[2] : args[++k];
    if (v !== undefined) out.push(v);
  }
  return out;
}
