// Options whose value names a file the program reads and then shows: a list of names (wc/du/sort --files0-from,
// file -f, tar -T) whose every line comes back in a "cannot open 'LINE'" error, a list of patterns (--exclude-from,
// -X) echoed the same way, or a file compared (diff --from-file/--to-file) whose lines make up the diff. Whatever the
// program — even one that otherwise prints only counts or types (wc, du, file) — the value is read into its output.

// (The long names, any program: GNU getopt takes an unambiguous prefix too, --files0=F, diff --from=F.)
const LONG = ['files0-from', 'files-from', 'from-file', 'to-file', 'exclude-from', 'include-from'];
// (The short spellings, by program: file -f, tar -T/-X, diff's and du's -X.)
const SHORT: Record<string, string> = { file: 'f', tar: 'TX', bsdtar: 'TX', diff: 'X', du: 'X' };
// (The first word of a name — --exclude, --include, --from — is an option of its own in most programs: --exclude=PATTERN.
// Only where no such option exists does it name a list: --files0 anywhere, diff --from/--to.)
const WORD_PREFIX: Record<string, RegExp> = { files0: /(?:)/, from: /^s?diff$/, to: /^s?diff$/ };

/** The files named by `args`' list-file options (`-` and /dev/stdin included: stdin is the list then). */
export function listFiles(name: string, args: readonly string[]): string[] {
  const out: string[] = [];
  const short = SHORT[name] ?? '';
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') break;
    const long = /^--([\w-]+)(?:=(.*))?$/s.exec(a);
    if (long) {
      const n = long[1]!;
      // (A prefix names the option, as getopt_long reads it, once it reaches the second word: --files0-fr, --exclude-f;
      // a first word alone only as WORD_PREFIX says: --files0, diff --to. --file, --files, --exclude are other options.)
      const named = (o: string) => o === n || (o.startsWith(n) && ((n.includes('-') && !n.endsWith('-')) || WORD_PREFIX[n]?.test(name) === true));
      if (!LONG.some(named)) continue;
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
