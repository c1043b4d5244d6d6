// Options whose value names a file the program reads and then shows: a list of names (wc/du/sort --files0-from,
// file -f, tar -T) whose every line comes back in a "cannot open 'LINE'" error, a list of patterns (--exclude-from,
// -X) echoed the same way, or a file compared (diff --from-file/--to-file) whose lines make up the diff. Whatever the
// program — even one that otherwise prints only counts or types (wc, du, file) — the value is read into its output.

// (The long names, any program: GNU getopt takes an unambiguous prefix too, --files0=F, --from=F.)
const LONG = ['files0-from', 'files-from', 'from-file', 'to-file', 'exclude-from', 'include-from'];
// (The short spellings, by program: file -f, tar -T/-X, diff's and du's -X.)
const SHORT: Record<string, string> = { file: 'f', tar: 'TX', bsdtar: 'TX', diff: 'X', du: 'X' };
// (GNU programs that have these options take any unambiguous prefix: diff --to=F. Elsewhere four letters or more.)
const GNU = /^(wc|du|sort|diff|sdiff|file|tar|md5sum|sha\d+sum|b2sum|cksum)$/;

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
      // (A prefix names the option, as getopt_long reads it: --from, --files0, --exclude-f.)
      if (!LONG.some((o) => o === n || (n.length >= (GNU.test(name) ? 2 : 4) && o.startsWith(n)))) continue;
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
