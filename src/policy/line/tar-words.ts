// GNU tar's short options spelled one a word where a value hides in a cluster: `-xC/home/user/.ssh` (the value attached, as
// getopt reads the rest of the word), `-xzvC DIR` (the option last in a cluster takes the next word) and the old style's
// first word `xC DIR`, whose letters take the words after it in turn (tar.c, "old option style"). The checks read tar's
// value options as `-C DIR`; a cluster that only ends in f (`-xzvf a.tar`, `czf a.tgz`) is left as everyone writes it.

// (GNU tar 1.34's short options that take a value: blocking factor, directory, file, info script, incremental list,
// format, compress program, starting file, tape length, newer, files-from, label, exclude-from.)
const VALUED = 'bCfFgHIKLNTVX';

/** tar's arguments with each short option that takes a value as `-L VALUE`, where a cluster hid it. */
export function tarOptionWords(args: readonly string[]): string[] {
  const plain = (letters: string) => ![...letters].some((c) => VALUED.includes(c)) || /^[^bCfFgHIKLNTVX]*f$/.test(letters);
  const out: string[] = [];
  let k = 0;
  const first = args[0];
  if (first !== undefined && /^[A-Za-z][A-Za-z0-9]*$/.test(first) && !plain(first)) {
    // Old style: each letter that takes a value takes the next word after the cluster.
    k = 1;
    const flags = [...first].filter((c) => !VALUED.includes(c)).join('');
    if (flags) out.push(`-${flags}`);
    for (const c of first) if (VALUED.includes(c)) { out.push(`-${c}`); if (k < args.length) out.push(args[k++]!); }
  }
  for (; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--') { out.push(...args.slice(k)); break; }
    if (!/^-[A-Za-z0-9]{2,}/.test(a) || plain(a.slice(1))) { out.push(a); continue; }
    const at = [...a.slice(1)].findIndex((c) => VALUED.includes(c)) + 1;
    if (at > 1) out.push(a.slice(0, at));
    out.push(`-${a[at]}`);
    const rest = a.slice(at + 1);
    if (rest !== '') out.push(rest);
    else if (k + 1 < args.length) out.push(args[++k]!);
  }
  return out;
}
