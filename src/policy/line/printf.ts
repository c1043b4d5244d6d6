// The text echo and printf print, decoded as bash does: escapes (\n, \t, \xHH, \0NNN, \uHHHH)
// and printf's format reused over its arguments. Text that reaches a shell or a file is judged
// as what it becomes, not as it was typed (`printf 'cu\x72l …' | sh`).

import { charOfCode } from '../shell/code-point.js';

/** Decodes backslash escapes; `octal0`: \0NNN as well as \NNN (echo -e, %b), else \NNN only (printf formats). */
export function unescape(s: string, octal0 = false): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|0[0-7]{0,3}|[0-7]{1,3}|.)/gs, (m, e: string) => {
    const c = e[0]!;
    if (c === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (c === 'u' || c === 'U') return charOfCode(parseInt(e.slice(1), 16));
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

/** What `printf [-v VAR] FORMAT ARGS…` prints: the format applied until the arguments run out, as bash's builtin
 *  does — escapes, flags, widths and precisions (`*` from the arguments), %c's first character, numbers as numbers;
 *  undefined for what cannot be known here (a date, an unknown conversion). */
export function printfText(args: readonly string[]): string | undefined {
  let i = 0;
  if (args[i] === '-v') i += 2;
  if (args[i] === '--') i++;
  const format = args[i] ?? '';
  const rest = args.slice(i + 1);
  let out = '';
  let k = 0;
  const next = () => rest[k++] ?? '';
  do {
    const start = k;
    for (let p = 0; p < format.length;) {
      const ch = format[p]!;
      if (ch === '\\') {
        // (One escape at a time, as bash reads the format: \x25 prints a `%`, it starts no conversion.)
        const m = /^\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|.)/s.exec(format.slice(p))!;
        out += unescape(m[0]);
        p += m[0].length;
        continue;
      }
      if (ch !== '%') { out += ch; p++; continue; }
      const m = /^%([-+ #0']*)(\*|\d*)(?:\.(\*|\d*))?(?:\(([^)]*)\))?([a-zA-Z%])?/.exec(format.slice(p))!;
      p += m[0].length;
      const conv = m[5];
      if (conv === '%') { out += '%'; continue; }
      if (conv === undefined || !/[sbcdiouxXeEfFgGaAqQT]/.test(conv) || (conv === 'T') !== (m[4] !== undefined)) return undefined;
      const width = m[2] === '*' ? parseInt(next(), 10) || 0 : parseInt(m[2] || '0', 10);
      const prec = m[3] === undefined ? undefined : m[3] === '*' ? parseInt(next(), 10) || 0 : parseInt(m[3] || '0', 10);
      if (conv === 'T') return undefined;
      const arg = next();
      let text: string;
      if (conv === 's' || conv === 'b' || conv === 'q' || conv === 'Q') {
        // (%b's \c ends all output there.)
        const cut = conv === 'b' ? /^((?:[^\\]|\\[^c])*)\\c/s.exec(arg) : null;
        text = conv === 'b' ? unescape(cut ? cut[1]! : arg, true) : /^[qQ]$/.test(conv) ? arg.replace(/[^\w@%+=:,./-]/g, '\\$&') : arg;
        if (prec !== undefined) text = text.slice(0, prec);
        if (cut) return out + pad(text, width, m[1]!);
      } else if (conv === 'c') text = arg.slice(0, 1);
      else text = number(arg, conv, prec, m[1]!);
      out += pad(text, width, m[1]!);
    }
    if (k === start) break;
  } while (k < rest.length);
  return out;
}

/** The text padded to a field width (left-justified with `-`). */
function pad(text: string, width: number, flags: string): string {
  const w = Math.abs(width);
  return text.length >= w ? text : flags.includes('-') || width < 0 ? text.padEnd(w) : flags.includes('0') && /^[-+]?\d/.test(text) ? text.replace(/^([-+]?)/, (sgn) => sgn + '0'.repeat(w - text.length)) : text.padStart(w);
}

/** A numeric conversion of an argument as bash reads it: 0x…, 0…, 'c (the character's code); a word that is no number is 0. */
function number(arg: string, conv: string, prec: number | undefined, flags: string): string {
  const quoted = /^['"](.)/su.exec(arg);
  const n = quoted ? quoted[1]!.codePointAt(0)! : /^\s*[-+]?0[xX][0-9a-fA-F]+/.test(arg) ? parseInt(arg, 16) : /^\s*[-+]?0[0-7]+$/.test(arg) ? parseInt(arg, 8) : parseFloat(arg) || 0;
  const int = Math.trunc(n);
  const sign = (v: number) => (v >= 0 && flags.includes('+') ? '+' : v >= 0 && flags.includes(' ') ? ' ' : '');
  if (/[di]/.test(conv)) return sign(int) + (prec !== undefined ? String(Math.abs(int)).padStart(prec, '0').replace(/^/, int < 0 ? '-' : '') : String(int));
  if (/[ouxX]/.test(conv)) {
    const u = int < 0 ? BigInt.asUintN(64, BigInt(int)) : BigInt(int);
    const t = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
    return (conv === 'X' ? t.toUpperCase() : t).padStart(prec ?? 0, '0');
  }
  if (/[fF]/.test(conv)) return sign(n) + n.toFixed(prec ?? 6);
  if (/[eE]/.test(conv)) { const t = n.toExponential(prec ?? 6).replace(/e([-+])(\d)$/, 'e$10$2'); return sign(n) + (conv === 'E' ? t.toUpperCase() : t); }
  return sign(n) + String(n);
}
