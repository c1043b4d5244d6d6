// The text echo and printf print, decoded as bash does: escapes (\n, \t, \xHH, \0NNN, \uHHHH)
// and printf's format reused over its arguments. Text that reaches a shell or a file is judged
// as what it becomes, not as it was typed (`printf 'cu\x72l …' | sh`).

/** Decodes backslash escapes; `octal0`: \0NNN as well as \NNN (echo -e, %b), else \NNN only (printf formats). */
export function unescape(s: string, octal0 = false): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|0[0-7]{0,3}|[0-7]{1,3}|.)/gs, (m, e: string) => {
    const c = e[0]!;
    if (c === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (c === 'u' || c === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (c === '0' && octal0) return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
    // (echo -e and %b take \NNN as well as \0NNN: bash reads up to three digits after a 1-7.)
    if (/[0-7]/.test(c)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'" } as Record<string, string>)[c] ?? m;
  });
}

/** What `echo ARGS` prints (bash builtin: -n, -e, -E; escapes only with -e). */
export function echoText(args: readonly string[]): string {
  let i = 0;
  let escapes = false;
  while (i < args.length && /^-[neE]+$/.test(args[i]!)) {
    for (const f of args[i]!.slice(1)) escapes = f === 'e' ? true : f === 'E' ? false : escapes;
    i++;
  }
  const text = args.slice(i).join(' ');
  return escapes ? unescape(text, true) : text;
}

/** What `printf [-v VAR] FORMAT ARGS…` prints: the format applied until the arguments run out. */
export function printfText(args: readonly string[]): string {
  let i = 0;
  if (args[i] === '-v') i += 2;
  if (args[i] === '--') i++;
  const format = unescape(args[i] ?? '');
  const rest = args.slice(i + 1);
  let out = '';
  let k = 0;
  do {
    out += format.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?([sbdiqcouxXeEfgG]))/g, (m, spec: string, conv: string | undefined) => {
      if (spec === '%') return '%';
      const a = rest[k++] ?? '';
      return conv === 'b' ? unescape(a, true) : a;
    });
  } while (k > 0 && k < rest.length);
  return out;
}
