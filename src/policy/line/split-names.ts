// The files split and csplit write: PREFIX followed by a generated suffix. The PREFIX need not be a
// protected path for a piece to land on one: csplit -f ~/.bash -b 'rc%.0d' writes ~/.bashrc (printf's
// %.0d prints nothing for 0), split --additional-suffix=.pth … site-packages/x writes x aa.pth there.

/** C printf of one integer conversion (%[flags][width][.precision](d|i|u|o|x|X)) for n; other text is literal. */
function printfInt(format: string, n: number): string {
  return format.replace(/%%|%([-+ #0]*)(\d*)(?:\.(\d*))?([diuoxX])/g, (all, flags: string, width: string, prec: string | undefined, conv: string) => {
    if (all === '%%') return '%';
    let digits = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : String(n);
    // (A precision of 0 with the value 0 prints no digits at all.)
    if (prec !== undefined) digits = Number(prec || '0') === 0 && n === 0 ? '' : digits.padStart(Number(prec || '0'), '0');
    const w = Number(width || '0');
    return flags.includes('-') ? digits.padEnd(w) : flags.includes('0') && prec === undefined ? digits.padStart(w, '0') : digits.padStart(w);
  });
}

/** The value of option NAMES (short `-b X`/`-bX`, long `--suffix-format X`/`--suffix-format=X`), the last one given. */
function optionValue(args: readonly string[], short: string, long: string): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === short || a === long) v = args[++i];
    else if (a.startsWith(`${long}=`)) v = a.slice(long.length + 1);
    else if (short && a.startsWith(short) && !a.startsWith('--') && a.length > 2) v = a.slice(2);
  }
  return v;
}

/** The first pieces split or csplit writes (enough to see where the names land), or [] for other tools. */
export function splitPieces(name: string, args: readonly string[]): string[] {
  if (name === 'csplit') {
    const prefix = optionValue(args, '-f', '--prefix') ?? 'xx';
    const digits = optionValue(args, '-n', '--digits') ?? '2';
    const format = optionValue(args, '-b', '--suffix-format') ?? `%0${digits}d`;
    return [0, 1, 2, 3].map((n) => prefix + printfInt(format, n));
  }
  if (name !== 'split') return [];
  // (split [OPTION]… [INPUT [PREFIX]]: the operands after the options that take a value.)
  const valued = /^(-[abCln]|--(suffix-length|bytes|line-bytes|lines|number|additional-suffix|filter|separator)|-t)$/;
  const ops = args.filter((a, k) => !a.startsWith('-') && !valued.test(args[k - 1] ?? ''));
  const prefix = ops[1] ?? 'x';
  const extra = optionValue(args, '', '--additional-suffix') ?? '';
  const length = Number(optionValue(args, '-a', '--suffix-length') ?? '2') || 2;
  const numeric = args.some((a) => /^(-[a-zA-Z]*[dx]|--(numeric|hex)-suffixes)/.test(a) && !/^-[abCln]/.test(a));
  const first = numeric ? ['0', '1', '2'] : ['a', 'b', 'c'];
  return first.map((c) => prefix + (numeric ? '0' : 'a').repeat(length - 1) + c + extra);
}
